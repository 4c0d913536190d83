package dev.berth.runtime.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeArgTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Test
    void absentIsNull() {
        assertNull(TimeArg.parseNanos(null, NOW, UTC));
        assertNull(TimeArg.parseNanos("", NOW, UTC));
    }

    @Test
    void unixSecondsWithOptionalFraction() {
        assertEquals(1_700_000_000_000_000_000L, TimeArg.parseNanos("1700000000", NOW, UTC));
        assertEquals(1_700_000_000_500_000_000L, TimeArg.parseNanos("1700000000.5", NOW, UTC));
        assertEquals(1_700_000_000_000_000_123L, TimeArg.parseNanos("1700000000.000000123", NOW, UTC));
        assertEquals(0L, TimeArg.parseNanos("0", NOW, UTC));
    }

    @Test
    void goDurationsCountBackFromNow() {
        assertEquals(nanos(NOW.minus(Duration.ofMinutes(10))), TimeArg.parseNanos("10m", NOW, UTC));
        assertEquals(nanos(NOW.minus(Duration.ofMinutes(90))), TimeArg.parseNanos("1h30m", NOW, UTC));
        assertEquals(nanos(NOW.minus(Duration.ofMillis(1500))), TimeArg.parseNanos("1.5s", NOW, UTC));
        assertEquals(nanos(NOW.plusSeconds(5)), TimeArg.parseNanos("-5s", NOW, UTC));
        assertEquals(nanos(NOW), TimeArg.parseNanos("0s", NOW, UTC));
    }

    @Test
    void rfc3339AndLocalForms() {
        assertEquals(nanos(Instant.parse("2025-05-31T10:00:00.25Z")),
                TimeArg.parseNanos("2025-05-31T10:00:00.25Z", NOW, UTC));
        assertEquals(nanos(Instant.parse("2025-05-31T08:00:00Z")),
                TimeArg.parseNanos("2025-05-31T10:00:00+02:00", NOW, UTC));
        assertEquals(nanos(Instant.parse("2025-05-31T10:00:00Z")), TimeArg.parseNanos("2025-05-31T10:00:00", NOW, UTC));
        assertEquals(nanos(Instant.parse("2025-05-31T00:00:00Z")), TimeArg.parseNanos("2025-05-31", NOW, UTC));
    }

    @Test
    void junkIsInvalidArgument() {
        assertThrows(InvalidArgumentException.class, () -> TimeArg.parseNanos("yesterday", NOW, UTC));
        assertThrows(InvalidArgumentException.class, () -> TimeArg.parseNanos("10x", NOW, UTC));
    }
}
