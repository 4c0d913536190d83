package dev.berth.runtime.bench;

import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 2's benchmark: cold pull of a ~100 MB, 5-layer image from a local registry, berthd against
 * the reference dockerd in the same run, plus both engines' idle memory. Prints a Markdown table.
 * Run through {@code scripts/bench/pull}; needs root, dockerd and docker-registry.
 */
public final class PullBenchmark {
    private PullBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("berth-bench-pull");
        try (RegistryServer registry = RegistryServer.open()) {
            TestImage image = TestImages.large(100_000_000L, 5);
            image.push(registry, "bench/large", "1");
            String ref = registry.host() + "/bench/large:1";
            try (EngineProcess berthd = EngineProcess.berthd(work.resolve("berthd"));
                    EngineProcess dockerd = EngineProcess.dockerd(work.resolve("dockerd"))) {
                Thread.sleep(3000);
                long berthdIdle = berthd.treeRssKiB();
                long dockerdIdle = dockerd.treeRssKiB();
                List<Long> berthdTimes = new ArrayList<>();
                List<Long> dockerdTimes = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    // Alternate the order so neither engine always gets the warmer page cache.
                    EngineProcess first = i % 2 == 0 ? berthd : dockerd;
                    EngineProcess second = first == berthd ? dockerd : berthd;
                    for (EngineProcess e : List.of(first, second)) {
                        e.docker("rmi", "-f", ref);
                        EngineProcess.Result r = e.docker("pull", ref);
                        if (r.exitCode() != 0) {
                            throw new IllegalStateException(e.name + " pull failed: " + r.output());
                        }
                        (e == berthd ? berthdTimes : dockerdTimes).add(r.nanos());
                    }
                }
                double b = median(berthdTimes) / 1e6;
                double d = median(dockerdTimes) / 1e6;
                System.out.println("| metric | berthd | dockerd 20.10 (+containerd) | ratio |");
                System.out.println("|---|---|---|---|");
                System.out.printf(Locale.ROOT,
                        "| cold pull, 100 MB in 5 layers (median of %d) | %.0f ms | %.0f ms | %.2f× |%n", rounds, b, d,
                        b / d);
                System.out.printf(Locale.ROOT, "| idle RSS after start | %.1f MiB | %.1f MiB | %.2f× |%n",
                        berthdIdle / 1024.0, dockerdIdle / 1024.0, (double) berthdIdle / dockerdIdle);
                System.out.printf(Locale.ROOT, "| RSS after %d pulls | %.1f MiB | %.1f MiB | %.2f× |%n", rounds,
                        berthd.treeRssKiB() / 1024.0, dockerd.treeRssKiB() / 1024.0,
                        (double) berthd.treeRssKiB() / dockerd.treeRssKiB());
            }
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
