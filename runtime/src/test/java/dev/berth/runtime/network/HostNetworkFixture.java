package dev.berth.runtime.network;

import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.network.ipam.BridgeAddress;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.SubnetPicker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A network service on the real host for ITs, with its own bridge and subnets, plus helpers to run busybox in a namespace. */
final class HostNetworkFixture implements AutoCloseable {
    static final String BRIDGE = "berthit0";

    final Path dataRoot;
    final String bridge;
    final String subnet;
    final String pool;
    final EventBus events = new EventBus();
    final List<Process> processes = new ArrayList<>();
    NetworkService service;

    HostNetworkFixture(Path dataRoot) {
        this(dataRoot, BRIDGE, "10.199.0.0/16", "10.198.0.0/16");
    }

    /** A fixture with its own default bridge and subnets, for a second engine beside the first. */
    HostNetworkFixture(Path dataRoot, String bridge, String subnet, String pool) {
        this.dataRoot = dataRoot;
        this.bridge = bridge;
        this.subnet = subnet;
        this.pool = pool;
    }

    NetworkConfig config() {
        return new NetworkConfig(dataRoot, bridge, BridgeAddress.firstHostOf(Cidr.parse(subnet)),
                List.of(new SubnetPicker.Pool(Cidr.parse(pool), 24)), 53, Path.of("/etc/resolv.conf"));
    }

    /** The tag of this fixture's engine: its veths, namespaces and rules carry it. */
    EngineTag tag() {
        return EngineTag.loadOrCreate(dataRoot.resolve("networks"));
    }

    long ownLinks() throws Exception {
        return countLinks(tag().vethPrefix());
    }

    long ownNetns() throws IOException {
        return countNetns(tag().netnsPrefix());
    }

    long ownRules() throws Exception {
        return countRules(tag().ruleComment());
    }

    NetworkService start() {
        return startWith(config());
    }

    /** Starts the service with other settings on the same data root (a restart with a changed daemon.json). */
    NetworkService startWith(NetworkConfig config) {
        service = NetworkService.onHost(config, events);
        service.start();
        return service;
    }

    /** Runs a command inside a namespace and waits for it. */
    static Result inNetns(String netns, String... argv) throws Exception {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + netns, "--"));
        full.addAll(Arrays.asList(argv));
        return run(full);
    }

    static Result run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + argv);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Starts a long-running command inside a namespace; stopped at close. */
    Process background(String netns, String... argv) throws IOException {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + netns, "--"));
        full.addAll(Arrays.asList(argv));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        processes.add(p);
        return p;
    }

    /** Host links whose name starts with {@code prefix}. */
    static long countLinks(String prefix) throws Exception {
        return run(List.of("ip", "-o", "link", "show")).out().lines()
                .map(l -> l.split(":\\s+", 3)[1]).filter(n -> n.startsWith(prefix)).count();
    }

    static long countNetns(String prefix) throws IOException {
        Path dir = Path.of("/run/netns");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        }
    }

    static long countRules(String contains) throws Exception {
        long n = 0;
        for (String table : List.of("filter", "nat")) {
            n += run(List.of("iptables", "-w", "-t", table, "-S")).out().lines().filter(l -> l.contains(contains))
                    .count();
        }
        return n;
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (service != null) {
            for (var a : List.copyOf(service.list())) {
                a.containers().keySet().forEach(service::detach);
            }
            for (var v : service.list()) {
                if (!v.network().builtin()) {
                    service.remove(v.network().id());
                }
            }
            // The default bridge of the test engine goes too, with its rules, so nothing is left on the host.
            service.close();
            run(List.of("ip", "link", "delete", "dev", bridge));
            dev.berth.testkit.EngineRules.remove(dataRoot);
        }
    }

    record Result(int exit, String out) {}
}
