package dev.berth.runtime.api.system;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** {@code GET /info}: the engine's state and the host's figures, in the shape {@code docker info} prints. */
final class InfoHandler implements Handler {
    /** Loopback ranges dockerd always treats as insecure. */
    private static final List<String> LOOPBACK_CIDRS = List.of("::1/128", "127.0.0.0/8");

    private final EngineFacts facts;
    private final DaemonSettings settings;
    private final Supplier<HostInfo> host;
    private final Supplier<CgroupFeatures> cgroups;
    private final IntSupplier eventListeners;
    private final Clock clock;

    InfoHandler(EngineFacts facts, DaemonSettings settings, Supplier<HostInfo> host, Supplier<CgroupFeatures> cgroups,
            IntSupplier eventListeners, Clock clock) {
        this.facts = facts;
        this.settings = settings;
        this.host = host;
        this.cgroups = cgroups;
        this.eventListeners = eventListeners;
        this.clock = clock;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        res.json(200, describe());
    }

    InfoResponse describe() {
        HostInfo h = host.get();
        CgroupFeatures cg = cgroups.get();
        ContainerCounts c = facts.containers();
        return new InfoResponse(
                settings.id(), c.total(), c.running(), c.paused(), c.stopped(), facts.images(),
                facts.storageDriver(), facts.driverStatus(), facts.plugins(),
                cg.memory(), cg.swap(), cg.cpuCfs(), cg.cpuCfs(), cg.cpuShares(), cg.cpuSet(), cg.pids(),
                h.ipv4Forwarding(), settings.debug(), openFileDescriptors(), false,
                java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount(),
                clock.instant().toString(), facts.loggingDriver(), "cgroupfs", h.cgroupVersion(),
                eventListeners.getAsInt(), h.kernelVersion(), h.operatingSystem(), h.osVersion(), "linux",
                h.architecture(), "https://index.docker.io/v1/", registryConfig(), h.ncpu(), h.memTotal(),
                settings.dataRoot().toString(), env("HTTP_PROXY"), env("HTTPS_PROXY"), env("NO_PROXY"),
                h.hostname(), settings.labels(), false, BerthVersion.ENGINE_COMPAT_VERSION, facts.runtimes(),
                facts.defaultRuntime(), new InfoResponse.Swarm("", "", "inactive", false, ""), false, "",
                facts.securityOptions(), facts.warnings());
    }

    private InfoResponse.RegistryConfig registryConfig() {
        List<String> cidrs = new ArrayList<>(LOOPBACK_CIDRS);
        Map<String, InfoResponse.IndexConfig> indexes = new LinkedHashMap<>();
        indexes.put("docker.io", new InfoResponse.IndexConfig("docker.io", settings.registryMirrors(), true, true));
        for (String r : settings.insecureRegistries()) {
            // dockerd's split: address ranges go to the CIDR list, host[:port] names get an index config.
            if (r.contains("/")) {
                cidrs.add(r);
            } else {
                indexes.put(r, new InfoResponse.IndexConfig(r, List.of(), false, false));
            }
        }
        return new InfoResponse.RegistryConfig(cidrs, indexes, settings.registryMirrors());
    }

    private static int openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null) {
            v = System.getenv(name.toLowerCase(java.util.Locale.ROOT));
        }
        // Like dockerd, never show proxy credentials.
        return v == null ? "" : v.replaceAll("//[^/@]+@", "//xxxxx:xxxxx@");
    }
}
