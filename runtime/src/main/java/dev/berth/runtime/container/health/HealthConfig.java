package dev.berth.runtime.container.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's {@code Config.Healthcheck} with Docker's defaults filled in: the probe command (argv to exec),
 * interval, timeout, start period and retries. Durations in the JSON are nanoseconds; 0 means the default.
 */
public record HealthConfig(List<String> command, Duration interval, Duration timeout, Duration startPeriod,
        int retries) {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_RETRIES = 3;

    /** The check to run, or empty when there is none or it is disabled with {@code ["NONE"]}. */
    public static Optional<HealthConfig> of(JsonNode healthcheck) {
        if (healthcheck == null || !healthcheck.isObject()) {
            return Optional.empty();
        }
        JsonNode test = healthcheck.path("Test");
        if (!test.isArray() || test.isEmpty()) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        test.forEach(t -> argv.add(t.asText()));
        String kind = argv.get(0);
        List<String> command = switch (kind) {
            case "CMD" -> argv.subList(1, argv.size());
            case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", argv.subList(1, argv.size())));
            default -> List.of(); // "NONE", or a kind this engine does not know: no check
        };
        if (command.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HealthConfig(List.copyOf(command),
                duration(healthcheck, "Interval", DEFAULT_INTERVAL),
                duration(healthcheck, "Timeout", DEFAULT_TIMEOUT),
                duration(healthcheck, "StartPeriod", Duration.ZERO),
                healthcheck.path("Retries").asInt(0) > 0 ? healthcheck.path("Retries").asInt() : DEFAULT_RETRIES));
    }

    private static Duration duration(JsonNode h, String field, Duration dflt) {
        long ns = h.path(field).asLong(0);
        return ns > 0 ? Duration.ofNanos(ns) : dflt;
    }
}
