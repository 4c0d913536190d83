package dev.berth.runtime.daemon;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.system.DaemonSettings;
import dev.berth.runtime.api.system.EngineFacts;
import dev.berth.runtime.api.system.SystemRoutes;
import dev.berth.runtime.events.EventBus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where berthd's services are built and their API routes composed. Each resource adds its
 * services here and its {@link Routes} to {@link #routes()}; {@link Berthd} only starts and stops the result.
 */
public final class EngineAssembly implements AutoCloseable {
    private final DaemonConfig config;
    private final EventBus events = new EventBus();
    private final Clock clock = Clock.systemDefaultZone();
    private final EngineFacts facts;
    private final DaemonSettings settings;

    public EngineAssembly(DaemonConfig config, String engineId) {
        this.config = config;
        this.facts = new DataRootEngineFacts(config.dataRoot());
        this.settings = new DaemonSettings(engineId, config.dataRoot(), config.debug(), config.insecureRegistries(),
                config.registryMirrors(), List.of());
    }

    public DaemonConfig config() {
        return config;
    }

    public EventBus events() {
        return events;
    }

    /** Every route group berthd serves. */
    public List<Routes> routes() {
        List<Routes> routes = new ArrayList<>();
        routes.add(new SystemRoutes(facts, settings, events, clock));
        return routes;
    }

    /** Stops the services (called after the API stopped serving). */
    @Override
    public void close() {
        // No service holds resources yet; services added here close in reverse order of creation.
    }
}
