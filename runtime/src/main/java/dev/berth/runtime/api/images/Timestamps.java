package dev.berth.runtime.api.images;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Parses the times docker filters take: unix seconds, RFC 3339, or a Go duration back from now ("24h"). */
final class Timestamps {
    private Timestamps() {}

    static long parseSeconds(String text) {
        try {
            if (text.matches("\\d+(\\.\\d+)?")) {
                return (long) Double.parseDouble(text);
            }
            if (text.matches("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+")) {
                return Instant.now().minus(goDuration(text)).getEpochSecond();
            }
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (RuntimeException e) {
            throw new InvalidArgumentException("invalid time \"" + text + "\": use unix seconds, RFC 3339 or a duration like 24h");
        }
    }

    private static Duration goDuration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)").matcher(text);
        double nanos = 0;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
        }
        return Duration.ofNanos((long) nanos);
    }
}
