package dev.berth.runtime.api.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.runtime.events.Event;
import java.util.Map;
import java.util.Set;

/** One line of the {@code /events} stream, in moby's {@code events.Message} shape (legacy fields included). */
public record EventMessage(
        @JsonProperty("status") String status,
        @JsonProperty("id") String id,
        @JsonProperty("from") String from,
        @JsonProperty("Type") String type,
        @JsonProperty("Action") String action,
        @JsonProperty("Actor") Actor actor,
        @JsonProperty("scope") String scope,
        @JsonProperty("time") long time,
        @JsonProperty("timeNano") long timeNano) {

    /** Types that still carry the pre-1.22 {@code status}/{@code id} fields, as moby's event logger sets them. */
    private static final Set<String> LEGACY_TYPES = Set.of("container", "image");

    /** What the event happened to. */
    public record Actor(@JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {}

    /** The wire form of {@code e}. */
    public static EventMessage of(Event e) {
        boolean legacy = LEGACY_TYPES.contains(e.type());
        String from = "container".equals(e.type()) ? e.attributes().get("image") : null;
        return new EventMessage(legacy ? e.action() : null, legacy ? e.actorId() : null, from, e.type(), e.action(),
                new Actor(e.actorId(), e.attributes()), "local", e.timeNano() / 1_000_000_000L, e.timeNano());
    }
}
