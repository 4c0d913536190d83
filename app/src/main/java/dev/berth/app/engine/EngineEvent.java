package dev.berth.app.engine;

import java.util.Map;

/**
 * One event of {@code GET /events}: {@code type} is container, image, volume, network…; {@code action} start, die,
 * pull…; {@code attributes} the actor's attributes (a container's {@code name}, a die's {@code exitCode}, a kill's
 * {@code signal}).
 */
public record EngineEvent(String type, String action, String actorId, Map<String, String> attributes) {

    public EngineEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An event without attributes. */
    public EngineEvent(String type, String action, String actorId) {
        this(type, action, actorId, Map.of());
    }

    /** An attribute, or {@code ""}. */
    public String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }
}
