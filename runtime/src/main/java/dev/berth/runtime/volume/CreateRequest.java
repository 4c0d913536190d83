package dev.berth.runtime.volume;

import java.util.HashMap;
import java.util.Map;

/** A request to create a volume; a null or empty name asks for an anonymous one, a null or empty driver for {@code local}. */
public record CreateRequest(String name, String driver, Map<String, String> options, Map<String, String> labels) {
    public CreateRequest {
        options = copyOf(options);
        labels = copyOf(labels);
    }

    // JSON may carry null values ({"k": null}); Go decodes them as "", and so do we.
    private static Map<String, String> copyOf(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        map.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return Map.copyOf(out);
    }

    /** A plain named volume, as {@code docker run -v name:/path} creates implicitly. */
    public static CreateRequest named(String name) {
        return new CreateRequest(name, null, Map.of(), Map.of());
    }
}
