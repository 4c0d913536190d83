package dev.berth.runtime.container.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runtime.container.model.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthLedgerTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static RunState.Probe probe(int code) {
        return HealthLedger.probe(Instant.EPOCH, Instant.EPOCH, code, "out" + code);
    }

    @Test
    void configFillsDockersDefaultsAndUnderstandsTheTestKinds() throws Exception {
        HealthConfig shell = HealthConfig.of(M.readTree("{\"Test\":[\"CMD-SHELL\",\"curl -f x || exit 1\"]}"))
                .orElseThrow();
        assertEquals(List.of("/bin/sh", "-c", "curl -f x || exit 1"), shell.command());
        assertEquals(Duration.ofSeconds(30), shell.interval());
        assertEquals(Duration.ofSeconds(30), shell.timeout());
        assertEquals(3, shell.retries());
        HealthConfig cmd = HealthConfig
                .of(M.readTree("{\"Test\":[\"CMD\",\"true\",\"x\"],\"Interval\":1000000000,\"Retries\":2,"
                        + "\"StartPeriod\":5000000000}"))
                .orElseThrow();
        assertEquals(List.of("true", "x"), cmd.command());
        assertEquals(Duration.ofSeconds(1), cmd.interval());
        assertEquals(Duration.ofSeconds(5), cmd.startPeriod());
        assertEquals(2, cmd.retries());
        assertTrue(HealthConfig.of(M.readTree("{\"Test\":[\"NONE\"]}")).isEmpty());
        assertTrue(HealthConfig.of(M.readTree("{\"Test\":[]}")).isEmpty());
        assertTrue(HealthConfig.of(null).isEmpty());
    }

    @Test
    void failuresBecomeUnhealthyAfterRetriesAndSuccessResets() {
        RunState.Health h = HealthLedger.starting(null);
        h = HealthLedger.record(h, probe(1), 2, false);
        assertEquals("starting", h.status());
        assertEquals(1, h.failingStreak());
        h = HealthLedger.record(h, probe(1), 2, false);
        assertEquals("unhealthy", h.status());
        h = HealthLedger.record(h, probe(0), 2, false);
        assertEquals("healthy", h.status());
        assertEquals(0, h.failingStreak());
    }

    @Test
    void startPeriodFailuresDoNotCountAndLogKeepsFive() {
        RunState.Health h = HealthLedger.starting(null);
        for (int i = 0; i < 7; i++) {
            h = HealthLedger.record(h, probe(1), 1, true);
        }
        assertEquals("starting", h.status());
        assertEquals(0, h.failingStreak());
        assertEquals(5, h.log().size());
        h = HealthLedger.record(h, probe(0), 1, true);
        h = HealthLedger.record(h, probe(1), 1, true);
        // Once healthy, the start period no longer shields failures.
        assertEquals("unhealthy", h.status());
    }
}
