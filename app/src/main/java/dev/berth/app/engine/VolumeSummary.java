package dev.berth.app.engine;

import java.util.Map;

/** One volume of {@code GET /volumes}. */
public record VolumeSummary(String name, String driver, String mountpoint, Map<String, String> labels) {
    public VolumeSummary {
        labels = Map.copyOf(labels);
    }
}
