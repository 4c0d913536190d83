package dev.berth.runtime.bench;

import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Issue 3's memory benchmark: RSS of berthd with 50 running {@code sleep} containers next to dockerd with the
 * same 50, in one run. Each side counts its engine and the per-container monitors, which daemonize and so are
 * not the engine's descendants: berthd + 50 conmons against dockerd + containerd + 50 containerd-shim-runc-v2.
 * PSS (shared library pages split among the processes that map them) is printed too, since 50 monitors share
 * their code. Run through {@code scripts/bench/rss}; needs root, dockerd and docker-registry.
 */
public final class RssBenchmark {
    private RssBenchmark() {}

    /** One engine's memory, in KiB: the engine (dockerd: with containerd) and its monitors. */
    record Sample(long engine, List<Long> monitors, ToLongFunction<Long> metric) {
        long monitorsTotal() {
            return monitors.stream().mapToLong(metric).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path work = Files.createTempDirectory("berth-bench-rss");
        try (RegistryServer registry = RegistryServer.open()) {
            TestImages.busybox().push(registry, "bench/busybox", "1");
            String ref = registry.host() + "/bench/busybox:1";
            try (EngineProcess berthd = EngineProcess.berthd(work.resolve("berthd"));
                    EngineProcess dockerd = EngineProcess.dockerd(work.resolve("dockerd"))) {
                try {
                    for (EngineProcess e : List.of(berthd, dockerd)) {
                        check(e.docker("pull", ref), e.name + " pull");
                    }
                    Thread.sleep(3000);
                    long berthdIdle = ProcessMemory.rssKiB(berthd.pid());
                    long dockerdIdle = dockerdAndContainerd(dockerd, ProcessMemory::rssKiB);
                    for (int i = 0; i < containers; i++) {
                        for (EngineProcess e : List.of(berthd, dockerd)) {
                            check(e.docker("run", "-d", "--network", "none", "--name", "sleeper-" + i, ref, "sleep",
                                    "3600"), e.name + " run");
                        }
                    }
                    for (EngineProcess e : List.of(berthd, dockerd)) {
                        long running = e.docker("ps", "-q").output().lines().filter(l -> !l.isBlank()).count();
                        if (running != containers) {
                            throw new IllegalStateException(
                                    e.name + " runs " + running + " containers, not " + containers);
                        }
                    }
                    Thread.sleep(5000); // let the engines settle after the burst (GC, idle connections closed)
                    print(containers, berthdIdle, dockerdIdle, berthd, dockerd);
                } finally {
                    // berthd's containers outlive it by design (conmon); dockerd stops its own, but remove both.
                    for (EngineProcess e : List.of(berthd, dockerd)) {
                        String ids = e.docker("ps", "-aq").output().trim();
                        if (!ids.isEmpty()) {
                            List<String> rm = new java.util.ArrayList<>(List.of("rm", "-f"));
                            rm.addAll(List.of(ids.split("\\s+")));
                            e.docker(rm.toArray(String[]::new));
                        }
                    }
                }
            }
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
    }

    private static void print(int n, long berthdIdle, long dockerdIdle, EngineProcess berthd, EngineProcess dockerd) {
        String marker = berthd.dir().toString();
        List<Long> conmons = ProcessMemory.find("conmon", marker);
        List<Long> shims = ProcessMemory.find("containerd-shim", dockerd.dir().toString());
        if (conmons.size() != n || shims.size() != n) {
            throw new IllegalStateException(
                    "expected " + n + " monitors each, found " + conmons.size() + " conmons and "
                            + shims.size() + " shims");
        }
        Sample bRss = new Sample(ProcessMemory.rssKiB(berthd.pid()), conmons, ProcessMemory::rssKiB);
        Sample dRss = new Sample(dockerdAndContainerd(dockerd, ProcessMemory::rssKiB), shims, ProcessMemory::rssKiB);
        Sample bPss = new Sample(ProcessMemory.pssKiB(berthd.pid()), conmons, ProcessMemory::pssKiB);
        Sample dPss = new Sample(dockerdAndContainerd(dockerd, ProcessMemory::pssKiB), shims, ProcessMemory::pssKiB);
        System.out.println("| metric | berthd | dockerd 20.10 | ratio |");
        System.out.println("|---|---|---|---|");
        row("engine idle, image pulled (dockerd: + containerd)", berthdIdle, dockerdIdle);
        row("engine with " + n + " running containers", bRss.engine(), dRss.engine());
        row("one container's monitor, mean (conmon / containerd-shim-runc-v2)", bRss.monitorsTotal() / n,
                dRss.monitorsTotal() / n);
        row(n + " monitors", bRss.monitorsTotal(), dRss.monitorsTotal());
        row("**total RSS with " + n + " containers** (engine + monitors)", bRss.engine() + bRss.monitorsTotal(),
                dRss.engine() + dRss.monitorsTotal());
        row("total PSS with " + n + " containers (shared pages split)", bPss.engine() + bPss.monitorsTotal(),
                dPss.engine() + dPss.monitorsTotal());
    }

    /** dockerd plus the containerd it started (its child), excluding the shims, which are counted apart. */
    private static long dockerdAndContainerd(EngineProcess dockerd, ToLongFunction<Long> metric) {
        long total = metric.applyAsLong(dockerd.pid());
        for (long pid : ProcessMemory.find("containerd", dockerd.dir().toString())) {
            total += metric.applyAsLong(pid);
        }
        return total;
    }

    private static void row(String metric, long berthdKiB, long dockerdKiB) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f× |%n", metric, size(berthdKiB), size(dockerdKiB),
                (double) berthdKiB / dockerdKiB);
    }

    private static String size(long kib) {
        return kib >= 10 * 1024 ? String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0) : kib + " KiB";
    }

    private static void check(EngineProcess.Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + r.output());
        }
    }
}
