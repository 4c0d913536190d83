package dev.berth.runtime.bench;

import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 12's benchmark: {@code docker build} of a 10-step multi-stage Dockerfile with a 50 MB context, through the
 * docker CLI (classic API), on berthd and on the reference dockerd's classic builder in one run: a cold build (base
 * pulled, nothing cached: {@code --no-cache}), a rebuild with nothing changed, and a rebuild after one copied file
 * changed. Both engines build with {@code --network none} (the reference dockerd runs without its bridge).
 */
public final class BuildBenchmark {
    private BuildBenchmark() {}

    static final String DOCKERFILE = """
            FROM %1$s AS deps
            WORKDIR /src
            COPY lib/ ./lib/
            RUN find lib -type f | wc -l > /src/count
            FROM %1$s
            WORKDIR /app
            COPY --from=deps /src/count /app/count
            COPY app/ ./app/
            RUN cat count && du -s app > size
            CMD ["cat", "/app/size"]
            """;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("berth-bench-build");
        try (RegistryServer registry = RegistryServer.open()) {
            TestImages.busybox().push(registry, "bench/busybox", "1");
            String ref = registry.host() + "/bench/busybox:1";
            Path ctx = context(work.resolve("ctx"), ref);
            try (EngineProcess berthd = EngineProcess.berthd(work.resolve("berthd"));
                    EngineProcess dockerd = EngineProcess.dockerd(work.resolve("dockerd"))) {
                List<EngineProcess> engines = List.of(berthd, dockerd);
                for (EngineProcess e : engines) {
                    check(e.docker("pull", ref), e.name + " pull");
                    check(build(e, ctx, "--no-cache"), e.name + " warm-up build");
                }
                long[][] cold = new long[2][runs];
                long[][] same = new long[2][runs];
                long[][] changed = new long[2][runs];
                Path changing = ctx.resolve("app/file-000.bin");
                for (int i = 0; i < runs; i++) {
                    for (int e = 0; e < 2; e++) {
                        cold[e][i] = check(build(engines.get(e), ctx, "--no-cache"), "cold build");
                        same[e][i] = check(build(engines.get(e), ctx), "unchanged rebuild");
                    }
                    Files.writeString(changing, "changed " + i + "\n");
                    for (int e = 0; e < 2; e++) {
                        changed[e][i] = check(build(engines.get(e), ctx), "rebuild after one change");
                    }
                }
                System.out.println("| `docker build`, 10 steps, 2 stages, 50 MB context (median of " + runs
                        + ") | berthd | dockerd 20.10 (classic) | berthd/dockerd |");
                System.out.println("|---|---|---|---|");
                row("cold (base pulled, `--no-cache`)", cold);
                row("rebuild, nothing changed", same);
                row("rebuild after one copied file changed", changed);
            }
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
    }

    private static EngineProcess.Result build(EngineProcess e, Path ctx, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("build", "--network", "none", "-t", "bench-build:1"));
        args.addAll(List.of(extra));
        args.add(ctx.toString());
        return e.docker(args.toArray(String[]::new));
    }

    /** 50 MB of incompressible files: 25 MB of "dependencies" and 25 MB of "application". */
    static Path context(Path dir, String base) throws Exception {
        Random random = new Random(12);
        byte[] data = new byte[100 * 1024];
        for (String part : List.of("lib", "app")) {
            Files.createDirectories(dir.resolve(part));
            for (int i = 0; i < 250; i++) {
                random.nextBytes(data);
                Files.write(dir.resolve(part).resolve(String.format(Locale.ROOT, "file-%03d.bin", i)), data);
            }
        }
        Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE.formatted(base));
        return dir;
    }

    private static void row(String what, long[][] nanos) {
        double b = RunBenchmark.median(toList(nanos[0])) / 1e6;
        double d = RunBenchmark.median(toList(nanos[1])) / 1e6;
        System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.2f× |%n", what, b, d, b / d);
    }

    private static List<Long> toList(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    private static long check(EngineProcess.Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + r.output());
        }
        return r.nanos();
    }
}
