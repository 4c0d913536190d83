package dev.berth.app.engine;

import java.util.List;

/**
 * Berth's own API on an engine ({@code GET /berth/v1/info}): absent on dockerd and podman, which answer 404 there.
 */
public record BerthFeatures(boolean available, String version, List<String> features) {
    public BerthFeatures {
        features = List.copyOf(features);
    }

    /** What an engine without Berth's API reports. */
    public static BerthFeatures none() {
        return new BerthFeatures(false, "", List.of());
    }

    public boolean has(String feature) {
        return available && features.contains(feature);
    }
}
