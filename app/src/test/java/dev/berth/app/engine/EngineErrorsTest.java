package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class EngineErrorsTest {
    @Test
    void keepsOnlyTheEngineSentenceFromDockerJavaExceptions() {
        // docker-java makes the message "Status 404: " + the response body.
        EngineException e = EngineErrors.translate(
                new NotFoundException("{\"message\":\"No such container: web\"}\n"), "unix:///x");
        assertEquals("No such container: web", e.getMessage());
        assertEquals(404, e.status());
    }

    @Test
    void conflictMessagesAreCapitalizedButOtherwiseUntouched() {
        EngineException e = EngineErrors.translate(new ConflictException(
                "{\"message\":\"conflict: unable to delete b6f391b60af2 (cannot be forced)\"}"), "x");
        assertEquals("Conflict: unable to delete b6f391b60af2 (cannot be forced)", e.getMessage());
        assertEquals(409, e.status());
    }

    @Test
    void nonJsonBodiesAreShownAsSent() {
        assertEquals("Page not found", EngineErrors.engineMessage("Status 404: page not found"));
        assertEquals("The engine refused the request without saying why.", EngineErrors.engineMessage(""));
    }

    @Test
    void connectionFailuresNameTheEngineAndDropJavaClassNames() {
        var failure = new RuntimeException(new IOException(
                new RuntimeException("com.sun.jna.LastErrorException: [2] No such file or directory")));
        EngineException e = EngineErrors.translate(failure, "unix:///run/berth/berth.sock");
        assertEquals("Cannot reach the engine at unix:///run/berth/berth.sock: No such file or directory",
                e.getMessage());
        assertEquals(0, e.status());
    }

    @Test
    void aFaultOnOurSideIsNotCalledAnUnreachableEngine() {
        EngineException e = EngineErrors.translate(new NullPointerException("subnet is null"),
                "unix:///run/berth/berth.sock");
        assertEquals("Berth could not finish the request to unix:///run/berth/berth.sock: subnet is null",
                e.getMessage());
    }
}
