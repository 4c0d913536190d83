package dev.berth.runtime.container.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyncMessageTest {
    @Test
    void pid() {
        SyncMessage m = SyncMessage.parse("{\"data\": 6594}");
        assertEquals(6594, m.data());
        assertFalse(m.failed());
        assertEquals("", m.message());
    }

    @Test
    void failureWithTheRuntimesMessage() {
        SyncMessage m = SyncMessage
                .parse("{\"data\": -1, \"message\": \"cgroups in hybrid mode not supported, \\\"drop\\\" all\"}");
        assertTrue(m.failed());
        assertEquals("cgroups in hybrid mode not supported, \"drop\" all", m.message());
    }

    @Test
    void unescapedQuotesFromOlderConmons() {
        SyncMessage m = SyncMessage.parse("{\"data\": -1, \"message\": \"exec: \"nope\": not found\"}");
        assertEquals("exec: \"nope\": not found", m.message());
    }

    @Test
    void garbageIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyncMessage.parse("hello"));
    }
}
