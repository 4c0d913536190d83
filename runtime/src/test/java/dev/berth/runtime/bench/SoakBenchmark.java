package dev.berth.runtime.bench;

import dev.berth.testkit.HttpConnection;
import dev.berth.testkit.HttpResult;
import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 16's soak: many API clients at once doing what IDEs, test suites and compose do all day — run and remove
 * containers, exec, read logs and stats, inspect and list, pull an image already there, make and remove volumes,
 * connect and disconnect networks — for a while, against berthd and then the reference dockerd on the same machine.
 * Prints per operation p50/p99 and failures, the engine's RSS, threads and open files sampled every 10 s, and
 * what a run must not leave growing (mounts, cgroups, veths, namespaces, monitors). Run through {@code scripts/bench/soak}.
 */
public final class SoakBenchmark {
    /** One kind of request and how often a client picks it. */
    private record Op(String name, int weight) {}

    private static final List<Op> MIX = List.of(new Op("run+rm", 3), new Op("exec", 2), new Op("logs", 2),
            new Op("stats", 1),
            new Op("inspect", 3), new Op("list", 3), new Op("pull (cached)", 1), new Op("volume create+rm", 1),
            new Op("network connect+disconnect", 1));

    private final EngineProcess engine;
    private final String image;
    private final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final Map<String, String> firstFailure = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();

    private SoakBenchmark(EngineProcess engine, String image) {
        this.engine = engine;
        this.image = image;
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Duration length = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 600);
        Path work = Files.createTempDirectory(Path.of("/tmp"), "berth-soak-");
        try (RegistryServer registry = RegistryServer.open()) {
            TestImages.busybox().push(registry, "soak/busybox", "1");
            String image = registry.host() + "/soak/busybox:1";
            for (String name : List.of("berthd", "dockerd")) {
                try (EngineProcess e = name.equals("berthd") ? EngineProcess.berthd(work.resolve(name))
                        : EngineProcess.dockerd(work.resolve(name))) {
                    new SoakBenchmark(e, image).soak(clients, length);
                }
            }
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
    }

    private void soak(int clients, Duration length) throws Exception {
        check(engine.docker("pull", image), "pull");
        check(engine.docker("network", "create", "soak-base"), "network create");
        check(engine.docker("network", "create", "soak-extra"), "network create");
        Leftovers before = Leftovers.of(engine);
        List<String> homes = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            check(engine.docker("run", "-d", "--name", "home-" + i, "--network", "soak-base", image, "sh", "-c",
                    "while true; do echo tick; sleep 1; done"), "run home");
            homes.add("home-" + i);
        }
        List<String> samples = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String home = homes.get(i);
            Random random = new Random(i);
            threads.add(Thread.ofVirtual().start(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    once(pick(random), home, n);
                }
            }));
        }
        while (System.nanoTime() < end) {
            samples.add(Usage.of(engine).toString());
            Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        // A request the engine never answers must not hold the report for ever (dockerd's full-length run once
        // did): two minutes after the end, a client still waiting is interrupted, which closes its connection and
        // counts its operation as failed.
        long joinDeadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        for (Thread t : threads) {
            t.join(java.time.Duration.ofNanos(Math.max(1, joinDeadline - System.nanoTime())));
        }
        long hung = threads.stream().filter(Thread::isAlive).count();
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        for (Thread t : threads) {
            t.join(java.time.Duration.ofSeconds(10));
        }
        if (hung > 0) {
            System.out.printf("%d client(s) still waiting for an answer 2 minutes after the end: interrupted%n", hung);
        }
        samples.add(Usage.of(engine).toString());
        for (String home : homes) {
            engine.docker("rm", "-f", home);
        }
        Leftovers after = Leftovers.of(engine);
        print(clients, length, samples, before, after);
    }

    private static Op pick(Random random) {
        int total = MIX.stream().mapToInt(Op::weight).sum();
        int r = random.nextInt(total);
        for (Op op : MIX) {
            r -= op.weight();
            if (r < 0) {
                return op;
            }
        }
        return MIX.getLast();
    }

    private void once(Op op, String home, int n) {
        long start = System.nanoTime();
        try {
            switch (op.name()) {
                case "run+rm" -> runAndRemove();
                case "exec" -> exec(home);
                case "logs" -> expect(200, "GET", "/containers/" + home + "/logs?stdout=1&stderr=1&tail=50", null);
                case "stats" -> expect(200, "GET", "/containers/" + home + "/stats?stream=false", null);
                case "inspect" -> expect(200, "GET", "/containers/" + home + "/json", null);
                case "list" -> {
                    expect(200, "GET", "/containers/json?all=1", null);
                    expect(200, "GET", "/images/json", null);
                }
                case "pull (cached)" ->
                    expect(200, "POST", "/images/create?fromImage=" + image.substring(0, image.lastIndexOf(':'))
                            + "&tag=1", null);
                case "volume create+rm" -> {
                    String name = home + "-v" + n;
                    expect(201, "POST", "/volumes/create", "{\"Name\":\"" + name + "\"}");
                    expect(204, "DELETE", "/volumes/" + name, null);
                }
                default -> {
                    expect(200, "POST", "/networks/soak-extra/connect", "{\"Container\":\"" + home + "\"}");
                    expect(200, "POST", "/networks/soak-extra/disconnect", "{\"Container\":\"" + home + "\"}");
                }
            }
            nanos.computeIfAbsent(op.name(), k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
        } catch (IOException | RuntimeException e) {
            failures.computeIfAbsent(op.name(), k -> new AtomicLong()).incrementAndGet();
            firstFailure.putIfAbsent(op.name(), String.valueOf(e.getMessage()));
        }
    }

    private void runAndRemove() throws IOException {
        HttpResult created = expect(201, "POST", "/containers/create", "{\"Image\":\"" + image
                + "\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        String id = text(created).replaceAll("(?s).*\"Id\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");
        expect(204, "POST", "/containers/" + id + "/start", null);
        expect(200, "POST", "/containers/" + id + "/wait", null);
        expect(204, "DELETE", "/containers/" + id, null);
        runs.incrementAndGet();
    }

    private void exec(String home) throws IOException {
        HttpResult created = expect(201, "POST", "/containers/" + home + "/exec",
                "{\"Cmd\":[\"echo\",\"soak\"],\"AttachStdout\":true,\"AttachStderr\":true}");
        String id = text(created).replaceAll("(?s).*\"Id\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");
        HttpResult started = request("POST", "/exec/" + id + "/start", "{\"Detach\":false,\"Tty\":false}");
        if (started.status() != 200 && started.status() != 101) {
            throw new IllegalStateException("exec start answered " + started.status() + ": " + text(started));
        }
        HttpResult inspected = expect(200, "GET", "/exec/" + id + "/json", null);
        if (!text(inspected).contains("\"ExitCode\":0")) {
            throw new IllegalStateException("exec did not exit 0: " + text(inspected));
        }
    }

    private HttpResult expect(int status, String method, String path, String json) throws IOException {
        HttpResult r = request(method, path, json);
        if (r.status() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + r.status() + ": " + text(r));
        }
        return r;
    }

    private HttpResult request(String method, String path, String json) throws IOException {
        try (HttpConnection c = new HttpConnection(engine.socket)) {
            return c.exchange(method, path, json == null ? Map.of() : Map.of("Content-Type", "application/json"),
                    json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String text(HttpResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static void check(EngineProcess.Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + r.output());
        }
    }

    private void print(int clients, Duration length, List<String> samples, Leftovers before, Leftovers after) {
        System.out.printf("%n## %s: %d clients for %d s, %d run+rm cycles%n%n", engine.name, clients,
                length.toSeconds(), runs.get());
        System.out.println("| operation | count | failed | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        for (Op op : MIX) {
            List<Long> all = new ArrayList<>(nanos.getOrDefault(op.name(), new ConcurrentLinkedQueue<>()));
            all.sort(Long::compare);
            long failed = failures.getOrDefault(op.name(), new AtomicLong()).get();
            System.out.printf("| %s | %d | %d | %.1f | %.1f |%n", op.name(), all.size(), failed, pct(all, 0.50),
                    pct(all, 0.99));
            if (failed > 0) {
                System.out.println("  first failure: " + firstFailure.get(op.name()));
            }
        }
        System.out.println();
        System.out.println("samples (every 10 s): " + String.join(" · ", samples));
        System.out.println("left behind: before " + before + " · after " + after);
    }

    private static double pct(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    /** The engine's resident memory, threads and open files (dockerd: with containerd). */
    private record Usage(long rssMiB, long threads, long fds) {
        static Usage of(EngineProcess e) throws IOException {
            List<Long> pids = new ArrayList<>(List.of(e.pid()));
            if (e.name.equals("dockerd")) {
                pids.addAll(ProcessMemory.find("containerd", e.dir().toString()));
            }
            long rss = 0;
            long threads = 0;
            long fds = 0;
            for (long pid : pids) {
                rss += ProcessMemory.rssKiB(pid);
                threads += Files.list(Path.of("/proc", Long.toString(pid), "task")).count();
                fds += Files.list(Path.of("/proc", Long.toString(pid), "fd")).count();
            }
            return new Usage(rss / 1024, threads, fds);
        }

        @Override
        public String toString() {
            return rssMiB + " MiB/" + threads + " thr/" + fds + " fd";
        }
    }

    /** What must not grow over a soak: mounts, cgroups, veths, network namespaces and monitors of this engine. */
    private record Leftovers(long mounts, long cgroups, long veths, long netns, long monitors) {
        static Leftovers of(EngineProcess e) throws IOException {
            String marker = e.dir().toString();
            long mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(l -> l.contains(marker))
                    .count();
            long cgroups = 0;
            for (Path controller : List.of(Path.of("/sys/fs/cgroup/memory/berth"),
                    Path.of("/sys/fs/cgroup/memory/docker"),
                    Path.of("/sys/fs/cgroup/unified/berth"))) {
                if (Files.isDirectory(controller)) {
                    try (var s = Files.list(controller)) {
                        cgroups += s.filter(Files::isDirectory).count();
                    }
                }
            }
            long veths;
            try (var s = Files.list(Path.of("/sys/class/net"))) {
                veths = s.filter(p -> p.getFileName().toString().startsWith("veth")
                        || p.getFileName().toString().startsWith("vb")).count();
            }
            long netns = Files.isDirectory(Path.of("/run/netns")) ? Files.list(Path.of("/run/netns")).count() : 0;
            long monitors = ProcessMemory.find("conmon", marker).size()
                    + ProcessMemory.find("containerd-shim", marker).size();
            return new Leftovers(mounts, cgroups, veths, netns, monitors);
        }

        @Override
        public String toString() {
            return mounts + " mounts, " + cgroups + " cgroups, " + veths + " veths, " + netns + " netns, " + monitors
                    + " monitors";
        }
    }
}
