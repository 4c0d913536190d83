package dev.berth.runtime.api.system;

import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.events.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code filters} of {@code /events}, applied as moby's {@code daemon/events/filter.go} does. */
final class EventFilter {
    static final Set<String> KEYS = Set.of("config", "container", "daemon", "event", "image", "label", "network",
            "node", "plugin", "scope", "secret", "service", "type", "volume");

    private final Filters filters;

    EventFilter(Filters filters) {
        filters.validate(KEYS);
        this.filters = filters;
    }

    boolean matches(Event e) {
        return matchesAction(e)
                && filters.matchesAny("type", List.of(e.type()))
                && filters.matchesAny("scope", List.of("local"))
                && matchesName(e, "container")
                && matchesName(e, "daemon")
                && matchesName(e, "plugin")
                && matchesName(e, "volume")
                && matchesName(e, "network")
                && matchesName(e, "node")
                && matchesName(e, "service")
                && matchesName(e, "secret")
                && matchesName(e, "config")
                && matchesImage(e)
                && filters.matchLabels(e.attributes());
    }

    /** "event=exec_start" also matches "exec_start: sh -c ...", whose action carries the command. */
    private boolean matchesAction(Event e) {
        String action = e.action();
        int colon = action.indexOf(':');
        return filters.matchesAny("event", colon < 0 ? List.of(action) : List.of(action, action.substring(0, colon)));
    }

    /** The key's values name the actor by ID, ID prefix or name; only events of that type can match. */
    private boolean matchesName(Event e, String type) {
        Set<String> wanted = filters.get(type);
        if (wanted.isEmpty()) {
            return true;
        }
        String name = e.attributes().get("name");
        for (String w : wanted) {
            if ((e.actorId() != null && e.actorId().startsWith(w)) || w.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** An image filter matches image events by ID or name, and container events by the container's image. */
    private boolean matchesImage(Event e) {
        if (!filters.has("image")) {
            return true;
        }
        String name = e.attributes().get("image".equals(e.type()) ? "name" : "image");
        List<String> candidates = new ArrayList<>();
        candidates.add(e.actorId());
        if (name != null) {
            candidates.add(name);
            candidates.add(stripTag(name));
        }
        if (e.actorId() != null) {
            candidates.add(stripTag(e.actorId()));
        }
        return filters.matchesAny("image", candidates);
    }

    /** "busybox:latest" → "busybox", leaving registry ports ("host:5000/img") and digests alone. */
    static String stripTag(String ref) {
        int at = ref.indexOf('@');
        if (at >= 0) {
            return ref.substring(0, at);
        }
        int colon = ref.lastIndexOf(':');
        return colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
    }
}
