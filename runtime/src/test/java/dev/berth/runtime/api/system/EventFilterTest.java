package dev.berth.runtime.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.events.Event;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private static final Event DIE = new Event("container", "die", "abc123",
            Map.of("name", "web", "image", "busybox:latest", "com.docker.compose.project", "p", "exitCode", "0"), 5);
    private static final Event PULL = new Event("image", "pull", "busybox:latest", Map.of("name", "busybox"), 6);
    private static final Event EXEC = new Event("container", "exec_start: sh -c true", "abc123", Map.of("name", "web"),
            7);

    private static EventFilter filter(String json) {
        return new EventFilter(Filters.parse(json));
    }

    @Test
    void typeAndEvent() {
        assertTrue(filter("{\"type\":[\"container\"]}").matches(DIE));
        assertFalse(filter("{\"type\":[\"container\"]}").matches(PULL));
        assertTrue(filter("{\"event\":[\"die\",\"start\"]}").matches(DIE));
        assertTrue(filter("{\"event\":[\"exec_start\"]}").matches(EXEC));
    }

    @Test
    void containerByIdPrefixOrName() {
        assertTrue(filter("{\"container\":[\"abc\"]}").matches(DIE));
        assertTrue(filter("{\"container\":[\"web\"]}").matches(DIE));
        assertFalse(filter("{\"container\":[\"db\"]}").matches(DIE));
    }

    @Test
    void imageMatchesContainerImageAndImageName() {
        assertTrue(filter("{\"image\":[\"busybox\"]}").matches(DIE));
        assertTrue(filter("{\"image\":[\"busybox\"]}").matches(PULL));
        assertFalse(filter("{\"image\":[\"alpine\"]}").matches(DIE));
    }

    @Test
    void labelsComeFromAttributes() {
        assertTrue(filter("{\"label\":{\"com.docker.compose.project=p\":true}}").matches(DIE));
        assertFalse(filter("{\"label\":[\"com.docker.compose.project=q\"]}").matches(DIE));
    }

    @Test
    void unknownKeysAreRejected() {
        assertThrows(InvalidArgumentException.class, () -> filter("{\"colour\":[\"red\"]}"));
    }

    @Test
    void wireFormKeepsLegacyFieldsForContainers() {
        EventMessage m = EventMessage.of(DIE);
        assertEquals("die", m.status());
        assertEquals("abc123", m.id());
        assertEquals("busybox:latest", m.from());
        assertEquals("local", m.scope());
        assertNull(EventMessage.of(new Event("volume", "create", "v", Map.of(), 1)).status());
    }

    @Test
    void stripTagKeepsRegistryPorts() {
        assertEquals("busybox", EventFilter.stripTag("busybox:latest"));
        assertEquals("localhost:5000/busybox", EventFilter.stripTag("localhost:5000/busybox"));
        assertEquals("a/b", EventFilter.stripTag("a/b@sha256:00"));
    }
}
