package dev.berth.runtime.api.system;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code since}/{@code until} values of {@code /events} (and logs), as moby's {@code timetypes} reads
 * them: unix seconds with an optional fraction, RFC 3339 (zoned or local), a date, or a Go duration such as
 * {@code 10m} or {@code 1h30m} meaning that long before now.
 */
public final class TimeArg {
    private static final Pattern UNIX = Pattern.compile("(-?\\d+)(?:\\.(\\d{1,9}))?");
    private static final Pattern DURATION = Pattern
            .compile("[-+]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|ms|s|m|h))+");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private TimeArg() {}

    /** Nanoseconds since the epoch, or null for an absent or empty value; junk is an InvalidArgumentException. */
    public static Long parseNanos(String value, Instant now, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Matcher unix = UNIX.matcher(v);
        if (unix.matches()) {
            long seconds = Long.parseLong(unix.group(1));
            String frac = unix.group(2) == null ? "0" : (unix.group(2) + "00000000").substring(0, 9);
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), Long.parseLong(frac));
        }
        if (DURATION.matcher(v).matches()) {
            return toNanos(now.minus(goDuration(v)));
        }
        try {
            return toNanos(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException ignored) {
            // not zoned; try the local forms below
        }
        try {
            return toNanos(LocalDateTime.parse(v).atZone(zone).toInstant());
        } catch (DateTimeParseException ignored) {
            // not a local date-time either
        }
        try {
            return toNanos(LocalDate.parse(v).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException("invalid time value '" + value
                    + "': use unix seconds, RFC 3339 or a duration such as 10m");
        }
    }

    /** A Go {@code time.ParseDuration} string such as {@code 1h30m}, {@code -5s} or {@code 1.5h}. */
    static Duration goDuration(String v) {
        boolean negative = v.startsWith("-");
        String body = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = DURATION_PART.matcher(body);
        while (m.find()) {
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    private static long toNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
