package dev.berth.runtime.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.errors.NotModifiedException;
import dev.berth.runtime.errors.UnauthorizedException;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {
    @Test
    void engineErrorsMapToDockersStatusCodes() {
        assertEquals(404, ErrorResponses.statusOf(new NotFoundException("No such image: x")));
        assertEquals(409, ErrorResponses.statusOf(new ConflictException("name in use")));
        assertEquals(400, ErrorResponses.statusOf(new InvalidArgumentException("bad")));
        assertEquals(304, ErrorResponses.statusOf(new NotModifiedException("already started")));
        assertEquals(401, ErrorResponses.statusOf(new UnauthorizedException("denied")));
        assertEquals(403, ErrorResponses.statusOf(new ForbiddenException("no")));
        assertEquals(500, ErrorResponses.statusOf(new EngineException("broken")));
        assertEquals(500, ErrorResponses.statusOf(new IllegalStateException("bug")));
    }

    @Test
    void messageIsTheErrorsOwnOrItsType() {
        assertEquals("No such image: x", ErrorResponses.messageOf(new NotFoundException("No such image: x")));
        assertEquals("NullPointerException", ErrorResponses.messageOf(new NullPointerException()));
    }

    @Test
    void onlyServerErrorsAreUnexpected() {
        assertTrue(ErrorResponses.expected(new NotFoundException("x")));
        assertFalse(ErrorResponses.expected(new RuntimeException("x")));
    }
}
