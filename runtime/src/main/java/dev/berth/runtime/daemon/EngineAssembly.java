package dev.berth.runtime.daemon;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.build.BuildCacheJson;
import dev.berth.runtime.api.build.BuildRoutes;
import dev.berth.runtime.api.containers.ContainerRoutes;
import dev.berth.runtime.build.ImageBuilder;
import dev.berth.runtime.build.cache.BuildCache;
import dev.berth.runtime.build.cache.CacheMounts;
import dev.berth.runtime.build.steps.BuildTools;
import dev.berth.runtime.storage.OverlayMounts;
import java.net.http.HttpClient;
import dev.berth.runtime.api.http.ApiVersion;
import dev.berth.runtime.api.images.ImageDiskUsage;
import dev.berth.runtime.api.images.ImageRoutes;
import dev.berth.runtime.api.system.ContainerCounts;
import dev.berth.runtime.api.system.DaemonSettings;
import dev.berth.runtime.api.system.DiskUsageHandler;
import dev.berth.runtime.api.system.DiskUsageSource;
import dev.berth.runtime.api.system.EngineFacts;
import dev.berth.runtime.api.system.SystemRoutes;
import dev.berth.runtime.api.volumes.VolumeRoutes;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.create.VolumeStoreProvider;
import dev.berth.runtime.container.lifecycle.ServiceNetwork;
import dev.berth.runtime.network.NetworkConfig;
import dev.berth.runtime.network.NetworkService;
import dev.berth.runtime.api.networks.NetworkRoutes;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.container.oci.OciRuntime;
import dev.berth.runtime.container.oci.RuntimeSelector;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.manage.ImageUsage;
import dev.berth.runtime.image.registry.RegistryOptions;
import dev.berth.runtime.linux.LibcFileSyscalls;
import dev.berth.runtime.storage.LayerStore;
import dev.berth.runtime.volume.VolumeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place where berthd's services are built and their API routes composed. Each resource adds its
 * services here and its {@link Routes} to {@link #routes()}; {@link Berthd} only starts and stops the result.
 */
public final class EngineAssembly implements AutoCloseable {
    private final DaemonConfig config;
    private final EventBus events = new EventBus();
    private final dev.berth.runtime.container.health.HealthMonitor health;
    private final Clock clock = Clock.systemDefaultZone();
    private final EngineFacts facts;
    private final DaemonSettings settings;
    private final ImageServices images;
    private final VolumeStore volumes;
    private final ContainerServices containers;
    private final NetworkService networks;
    private final CacheMounts cacheMounts;
    private final ImageBuilder builder;

    public EngineAssembly(DaemonConfig config, String engineId) {
        this(config, engineId, phase -> {});
    }

    /** As {@link #EngineAssembly(DaemonConfig, String)}, telling {@code phaseDone} as each part of the set-up ends. */
    public EngineAssembly(DaemonConfig config, String engineId, java.util.function.Consumer<String> phaseDone) {
        this.config = config;
        LayerStore layers = new LayerStore(config.dataRoot(), new LibcFileSyscalls());
        RegistryOptions registry = new RegistryOptions(new LinkedHashSet<>(config.insecureRegistries()),
                config.registryMirrors(),
                config.maxConcurrentDownloads(), RegistryOptions.defaults().maxRetries(), Duration.ofSeconds(30));
        // Images and containers refer to each other (images in use, layers held); the reference closes the loop.
        AtomicReference<ContainerServices> containerRef = new AtomicReference<>();
        ImageUsage usage = id -> containerRef.get() == null ? List.of() : containerRef.get().imageUsage().usersOf(id);
        AtomicReference<ImageServices> imageRef = new AtomicReference<>();
        this.images = ImageServices.create(config.dataRoot(), layers, registry, events, usage,
                () -> containerRef.get() == null ? java.util.Set.of() : containerRef.get().layersInUse(imageRef.get()));
        imageRef.set(images);
        phaseDone.accept("images");
        this.volumes = new VolumeStore(config.dataRoot(), events, new MountedVolumes(containerRef::get));
        OciRuntime runtime = RuntimeSelector.defaults(config.execRoot()).select(Optional.empty());
        this.networks = NetworkService.onHost(NetworkConfig.defaults(config.dataRoot())
                .withDaemonSettings(config.bip(), config.defaultAddressPools()), events);
        phaseDone.accept("volumes+runtime");
        networks.start();
        phaseDone.accept("networks");
        this.containers = ContainerServices.create(config.dataRoot(), config.execRoot(), images, runtime,
                new ServiceNetwork(networks),
                new VolumeStoreProvider(volumes), events);
        containerRef.set(containers);
        this.facts = new DataRootEngineFacts(config.dataRoot(), () -> images.store().list().size(),
                this::containerCounts);
        this.settings = new DaemonSettings(engineId, config.dataRoot(), config.debug(), config.insecureRegistries(),
                config.registryMirrors(), List.of());
        // The monitor probes through the containers' OCI runtime and reads each one's config.json from its layout.
        this.health = new dev.berth.runtime.container.health.HealthMonitor(containers.store(), events,
                new dev.berth.runtime.container.health.ProbeExec(containers.runtime()),
                id -> containers.runner().layout(id).configJson()).start();
        phaseDone.accept("containers");
        containers.runner().reconcile();
        phaseDone.accept("reattach");
        containers.logs().watch(containers.store(), events);
        LibcFileSyscalls sys = new LibcFileSyscalls();
        this.cacheMounts = new CacheMounts(config.dataRoot(), sys);
        this.builder = new ImageBuilder(new BuildTools(images, containers, new OverlayMounts(config.dataRoot(), sys),
                sys,
                new BuildCache(images.store()), cacheMounts,
                dev.berth.runtime.common.Lazy.of(() -> HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build())),
                config.dataRoot(), sys);
        phaseDone.accept("builder");
    }

    private ContainerCounts containerCounts() {
        int running = 0;
        int paused = 0;
        int stopped = 0;
        for (Container c : containers.store().list()) {
            if (c.state().status() == RunState.Status.PAUSED) {
                paused++;
            } else if (c.state().isRunning()) {
                running++;
            } else {
                stopped++;
            }
        }
        return new ContainerCounts(running, paused, stopped);
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
        routes.add(new ContainerRoutes(containers));
        routes.add(new dev.berth.runtime.api.containers.files.ContainerFilesRoutes(
                dev.berth.runtime.container.files.ContainerFileServices.create(containers, images, events)));
        routes.add(new dev.berth.runtime.api.containers.ContainerObservability(containers,
                new dev.berth.runtime.container.update.ContainerUpdater(containers.store(), containers.runner(),
                        events)));
        routes.add(new dev.berth.runtime.api.containers.ExecRoutes(new dev.berth.runtime.container.exec.ExecService(
                containers.store(), containers.runner(),
                new dev.berth.runtime.container.oci.OciSpecBuilder(dev.berth.runtime.container.oci.HostFacts.detect()),
                events, containers.execs(), config.execRoot())));
        routes.add(new VolumeRoutes(volumes));
        routes.add(new BuildRoutes(builder, cacheMounts, dockerConfigJson()));
        routes.add(new NetworkRoutes(networks,
                new dev.berth.runtime.container.lifecycle.NetworkConnections(containers.store(), networks), clock));
        routes.add(new dev.berth.runtime.api.swarm.NoSwarmRoutes());
        routes.add(new dev.berth.runtime.api.berth.BerthRoutes(
                dev.berth.runtime.container.xray.ContainerXRay.forHost(containers)));
        ImageDiskUsage imageUsage = new ImageDiskUsage(images, containers.imageUsage());
        var containerUsage = new dev.berth.runtime.api.containers.ContainersDiskUsage(containers);
        routes.add(r -> r.add("GET", "/system/df", new DiskUsageHandler(new DiskUsageSource() {
            @Override
            public long layersSize() {
                return imageUsage.layersSize();
            }
            @Override
            public List<Object> images(ApiVersion v) {
                return imageUsage.images(v);
            }
            @Override
            public List<Object> containers(ApiVersion v) {
                return containerUsage.containers();
            }
            @Override
            public List<Object> volumes() {
                return EngineAssembly.this.volumes.diskUsage().stream()
                        .<Object>map(dev.berth.runtime.api.volumes.VolumeJson::withUsage).toList();
            }
            @Override
            public List<Object> buildCache() {
                return BuildCacheJson.entries(cacheMounts.usage());
            }
        })));
        return routes;
    }

    /** Credentials berthd uses when a client sends none: the docker config of the user running it (root). */
    private static Path dockerConfigJson() {
        String dir = System.getenv("DOCKER_CONFIG");
        return dir != null ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    /** Stops the services (called after the API stopped serving). Containers keep running under conmon. */
    @Override
    public void close() {
        // Containers keep running under their own monitors; only the engine's DNS servers stop with it.
        networks.close();
        health.close();
        containers.logs().close();
    }
}
