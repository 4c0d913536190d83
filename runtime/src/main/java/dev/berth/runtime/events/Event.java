package dev.berth.runtime.events;

import java.util.Map;

/**
 * One engine event, in the terms of Docker's {@code /events} stream: a {@code type} (container, image,
 * volume, network, daemon), an {@code action} (pull, create, start, die, ...) and the actor it happened to.
 */
public record Event(String type, String action, String actorId, Map<String, String> attributes, long timeNano) {
    public Event {
        attributes = Map.copyOf(attributes);
    }
}
