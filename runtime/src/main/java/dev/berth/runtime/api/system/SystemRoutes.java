package dev.berth.runtime.api.system;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.events.EventBus;
import java.nio.file.Path;
import java.time.Clock;

/** The system routes: {@code /_ping}, {@code /version}, {@code /info} and {@code /events}. */
public final class SystemRoutes implements Routes {
    private final EngineFacts facts;
    private final DaemonSettings settings;
    private final EventBus events;
    private final Clock clock;

    public SystemRoutes(EngineFacts facts, DaemonSettings settings, EventBus events, Clock clock) {
        this.facts = facts;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void register(Router r) {
        Path root = Path.of("/");
        PingHandler ping = new PingHandler();
        EventsHandler eventsHandler = new EventsHandler(events, clock);
        r.add("GET", "/_ping", ping);
        r.add("HEAD", "/_ping", ping);
        r.add("GET", "/version", new VersionHandler(() -> HostInfo.probe(root)));
        r.add("GET", "/info", new InfoHandler(facts, settings, () -> HostInfo.probe(root),
                () -> CgroupFeatures.probe(root), eventsHandler::listeners, clock));
        r.add("GET", "/events", eventsHandler);
    }
}
