package dev.berth.runtime.daemon;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.images.ImageDiskUsage;
import dev.berth.runtime.api.images.ImageRoutes;
import dev.berth.runtime.api.system.DiskUsageHandler;
import dev.berth.runtime.api.system.DiskUsageSource;
import dev.berth.runtime.api.http.ApiVersion;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.manage.ImageUsage;
import dev.berth.runtime.image.registry.RegistryOptions;
import dev.berth.runtime.linux.LibcFileSyscalls;
import dev.berth.runtime.storage.LayerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
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
    private final ImageServices images;

    public EngineAssembly(DaemonConfig config, String engineId) {
        this.config = config;
        LayerStore layers = new LayerStore(config.dataRoot(), new LibcFileSyscalls());
        RegistryOptions registry = new RegistryOptions(new LinkedHashSet<>(config.insecureRegistries()), config.registryMirrors(),
                config.maxConcurrentDownloads(), RegistryOptions.defaults().maxRetries(), Duration.ofSeconds(30));
        this.images = ImageServices.create(config.dataRoot(), layers, registry, events, ImageUsage.NONE, Set::of);
        this.facts = new DataRootEngineFacts(config.dataRoot(), () -> images.store().list().size());
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
        routes.add(new ImageRoutes(images, dockerConfigJson()));
        routes.add(new dev.berth.runtime.api.volumes.VolumeRoutes(new dev.berth.runtime.volume.VolumeStore(config.dataRoot(), events)));
        ImageDiskUsage imageUsage = new ImageDiskUsage(images, ImageUsage.NONE);
        routes.add(r -> r.add("GET", "/system/df", new DiskUsageHandler(new DiskUsageSource() {
            @Override public long layersSize() { return imageUsage.layersSize(); }
            @Override public List<Object> images(ApiVersion v) { return imageUsage.images(v); }
            @Override public List<Object> containers(ApiVersion v) { return List.of(); }
            @Override public List<Object> volumes() { return List.of(); }
            @Override public List<Object> buildCache() { return List.of(); }
        })));
        return routes;
    }

    /** Credentials berthd uses when a client sends none: the docker config of the user running it (root). */
    private static Path dockerConfigJson() {
        String dir = System.getenv("DOCKER_CONFIG");
        return dir != null ? Path.of(dir, "config.json") : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    /** Stops the services (called after the API stopped serving). */
    @Override
    public void close() {
        // No service holds resources yet; services added here close in reverse order of creation.
    }
}
