package dev.berth.runtime.api.containers;

import java.time.Duration;
import java.time.Instant;

/** Durations as docker ps words them (go-units HumanDuration): "Less than a second", "About a minute", "3 hours". */
final class HumanTime {
    private HumanTime() {}

    static String since(String rfc3339) {
        return duration(Duration.between(Instant.parse(rfc3339), Instant.now()));
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 1) {
            return "Less than a second";
        } else if (s == 1) {
            return "1 second";
        } else if (s < 60) {
            return s + " seconds";
        }
        long m = s / 60;
        if (m == 1) {
            return "About a minute";
        } else if (m < 60) {
            return m + " minutes";
        }
        long h = Math.round(s / 3600.0);
        if (h == 1) {
            return "About an hour";
        } else if (h < 48) {
            return h + " hours";
        } else if (h < 24 * 7 * 2) {
            return h / 24 + " days";
        } else if (h < 24 * 30 * 2) {
            return h / 24 / 7 + " weeks";
        } else if (h < 24 * 365 * 2) {
            return h / 24 / 30 + " months";
        }
        return h / 24 / 365 + " years";
    }
}
