package dev.berth.runtime.bench;

import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 3's benchmark: median wall time of {@code docker run --rm IMG true} through the docker CLI against
 * berthd and the reference dockerd, next to a bare {@code runc run} of an equivalent bundle, in one run.
 * Containers use {@code --network none} on both engines so the runtime path is what is measured.
 */
public final class RunBenchmark {
    private RunBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = Files.createTempDirectory("berth-bench-run");
        try (RegistryServer registry = RegistryServer.open()) {
            TestImages.busybox().push(registry, "bench/busybox", "1");
            String ref = registry.host() + "/bench/busybox:1";
            Path bundle = RuncBundle.create(work.resolve("bundle"));
            try (EngineProcess berthd = EngineProcess.berthd(work.resolve("berthd"));
                    EngineProcess dockerd = EngineProcess.dockerd(work.resolve("dockerd"))) {
                for (EngineProcess e : List.of(berthd, dockerd)) {
                    check(e.docker("pull", ref), e.name + " pull");
                    check(e.docker("run", "--rm", "--network", "none", ref, "true"), e.name + " warm-up run");
                }
                List<Long> b = new ArrayList<>();
                List<Long> d = new ArrayList<>();
                List<Long> r = new ArrayList<>();
                List<Long> ab = new ArrayList<>();
                List<Long> ad = new ArrayList<>();
                List<Long> cli = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    b.add(check(berthd.docker("run", "--rm", "--network", "none", ref, "true"), "berthd run"));
                    d.add(check(dockerd.docker("run", "--rm", "--network", "none", ref, "true"), "dockerd run"));
                    r.add(RuncBundle.runOnce(bundle, "bench-" + i));
                    ab.add(ApiRun.once(berthd.socket, ref));
                    ad.add(ApiRun.once(dockerd.socket, ref));
                    cli.add(check(berthd.docker("version"), "docker version"));
                }
                double mr = median(r) / 1e6;
                System.out.println("| metric (median of " + runs
                        + ") | berthd | dockerd 20.10 | bare runc | berthd/dockerd | berthd − runc |");
                System.out.println("|---|---|---|---|---|---|");
                row("`docker run --rm IMG true` through the docker CLI", median(b) / 1e6, median(d) / 1e6, mr);
                row("the same on the Engine API (create, wait, start; no CLI)", median(ab) / 1e6, median(ad) / 1e6, mr);
                System.out.printf(Locale.ROOT,
                        "%n`docker version` (the CLI's own start-up and one round trip): %.0f ms%n", median(cli) / 1e6);
            }
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
    }

    private static void row(String metric, double berthd, double dockerd, double runc) {
        System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms | %.2f× | %+.0f ms |%n",
                metric, berthd, dockerd, runc, berthd / dockerd, berthd - runc);
    }

    private static long check(EngineProcess.Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + r.output());
        }
        return r.nanos();
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
