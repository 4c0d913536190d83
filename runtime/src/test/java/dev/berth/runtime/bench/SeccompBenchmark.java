package dev.berth.runtime.bench;

import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 15's benchmark: what Docker's allow-list (berthd's default seccomp profile, ~400 calls with conditions)
 * costs a container start against the 54-call deny-list it replaced (kept as bench/seccomp-deny-list.json, sent
 * the way {@code --security-opt seccomp=FILE} sends it) and against no filter: median {@code docker run --rm IMG
 * true} on one berthd, the three variants interleaved so drift hits them alike. The reference dockerd runs the same
 * profile through the same runc: its default against unconfined shows what the filter costs there.
 */
public final class SeccompBenchmark {
    private SeccompBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        Path work = Files.createTempDirectory("berth-bench-seccomp");
        try (RegistryServer registry = RegistryServer.open()) {
            TestImages.busybox().push(registry, "bench/busybox", "1");
            String ref = registry.host() + "/bench/busybox:1";
            Path denyList = work.resolve("deny-list.json");
            try (InputStream in = SeccompBenchmark.class.getResourceAsStream("/bench/seccomp-deny-list.json")) {
                Files.copy(in, denyList);
            }
            Map<String, List<String>> variants = new LinkedHashMap<>();
            variants.put("Docker's allow-list (the default)", List.of());
            variants.put("the former deny-list", List.of("--security-opt", "seccomp=" + denyList));
            variants.put("no filter (seccomp=unconfined)", List.of("--security-opt", "seccomp=unconfined"));
            List<String> dockerdDefault = List.of();
            List<String> dockerdUnconfined = List.of("--security-opt", "seccomp=unconfined");
            try (EngineProcess berthd = EngineProcess.berthd(work.resolve("berthd"));
                    EngineProcess dockerd = EngineProcess.dockerd(work.resolve("dockerd"))) {
                check(berthd.docker("pull", ref), "pull");
                check(dockerd.docker("pull", ref), "dockerd pull");
                Map<String, List<Long>> times = new LinkedHashMap<>();
                for (var v : variants.entrySet()) {
                    check(berthd.docker(argv(v.getValue(), ref)), v.getKey() + " warm-up");
                    times.put(v.getKey(), new ArrayList<>());
                }
                check(dockerd.docker(argv(dockerdDefault, ref)), "dockerd warm-up");
                List<Long> dockerdFiltered = new ArrayList<>();
                List<Long> dockerdBare = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    for (var v : variants.entrySet()) {
                        times.get(v.getKey()).add(check(berthd.docker(argv(v.getValue(), ref)), v.getKey()));
                    }
                    dockerdFiltered.add(check(dockerd.docker(argv(dockerdDefault, ref)), "dockerd default"));
                    dockerdBare.add(check(dockerd.docker(argv(dockerdUnconfined, ref)), "dockerd unconfined"));
                }
                double base = RunBenchmark.median(times.get("the former deny-list")) / 1e6;
                System.out.println("| `docker run --rm IMG true` on berthd (median of " + runs
                        + ") | time | against the deny-list |");
                System.out.println("|---|---|---|");
                for (var t : times.entrySet()) {
                    double ms = RunBenchmark.median(t.getValue()) / 1e6;
                    System.out.printf(Locale.ROOT, "| %s | %.1f ms | %+.1f ms |%n", t.getKey(), ms, ms - base);
                }
                double df = RunBenchmark.median(dockerdFiltered) / 1e6;
                double db = RunBenchmark.median(dockerdBare) / 1e6;
                System.out.printf(Locale.ROOT,
                        "%ndockerd 20.10, same runc: default profile %.1f ms, unconfined %.1f ms (the filter costs %+.1f ms there)%n",
                        df, db, df - db);
            }
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
    }

    private static String[] argv(List<String> options, String ref) {
        List<String> a = new ArrayList<>(List.of("run", "--rm", "--network", "none"));
        a.addAll(options);
        a.addAll(List.of(ref, "true"));
        return a.toArray(String[]::new);
    }

    private static long check(EngineProcess.Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + r.output());
        }
        return r.nanos();
    }
}
