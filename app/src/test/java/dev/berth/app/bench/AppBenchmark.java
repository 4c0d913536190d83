package dev.berth.app.bench;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.testkit.BerthdCommand;
import dev.berth.testkit.BerthdExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app benchmark ({@code scripts/bench/app}, under Xvfb, as root): a berthd with {@code N} created containers,
 * then the real app (in its own JVM, {@code AppProbe}) started cold against it: time to the first frame with the
 * engine connected and to the frame listing all containers, memory then, and frame gaps while the engine streams
 * events (containers created and removed in a loop, each reloading the 500-row list). Prints a Markdown table.
 */
public final class AppBenchmark {
    private AppBenchmark() {}

    public static void main(String[] args) throws Exception {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = BerthdCommand.checkoutRoot();
        try (BerthdExtension berthd = BerthdExtension.fromCheckout().withImage("bench/busybox:1").startNow();
                var api = new DockerJavaEngine(berthd.dockerHost());
                var creator = new Creator(berthd.dockerHost())) {
            String uri = berthd.dockerHost();
            String image = berthd.image();
            api.pullImage(image, p -> {});
            long t = System.nanoTime();
            for (int i = 0; i < containers; i++) {
                creator.create(image, "bench-" + i);
            }
            System.err.printf("created %d containers in %.1f s%n", containers, (System.nanoTime() - t) / 1e9);
            List<Map<String, String>> results = new ArrayList<>();
            // Run 1 starts without the AOT cache and records it (as a person's first start does); the others
            // start from it.
            Files.deleteIfExists(root.resolve("app/target/bench-probe.aot"));
            for (int r = 0; r < runs; r++) {
                results.add(probe(root, uri, containers, () -> churn(api, creator, image)));
            }
            print(containers, results);
        }
    }

    /** Events for ~15 s: containers created and removed in a loop (create and destroy events, list reloads). */
    private static void churn(DockerJavaEngine api, Creator creator, String image) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            String id = creator.create(image, "churn-" + i++);
            api.removeContainer(id, true);
        }
        System.err.println("churn: " + i + " containers created and removed");
    }

    /** {@code docker create}, which the app's engine interface does not need (it runs what it creates). */
    private static final class Creator implements AutoCloseable {
        private final com.github.dockerjava.api.DockerClient client;

        Creator(String uri) {
            var config = com.github.dockerjava.core.DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(uri).build();
            client = com.github.dockerjava.core.DockerClientImpl.getInstance(config,
                    new com.github.dockerjava.httpclient5.ApacheDockerHttpClient.Builder()
                            .dockerHost(config.getDockerHost()).build());
        }

        String create(String image, String name) {
            return client.createContainerCmd(image).withName(name).withCmd("true").exec().getId();
        }

        @Override
        public void close() throws java.io.IOException {
            client.close();
        }
    }

    private static Map<String, String> probe(Path root, String uri, int containers, Runnable events) throws Exception {
        // bin/berth's way: the app from jars (the AOT cache takes classes from jars only) with its cache, the probe's
        // own classes in a jar of their own (scripts/bench/app makes it).
        Path target = root.resolve("app/target");
        List<String> cp = new ArrayList<>(List.of(target.resolve("bench-probe.jar").toString()));
        try (var jars = Files.list(target)) {
            jars.filter(j -> j.getFileName().toString().matches("berth-app-.*\\.jar")).map(Path::toString)
                    .forEach(cp::add);
        }
        try (var jars = Files.list(target.resolve("lib"))) {
            jars.map(Path::toString).filter(j -> j.endsWith(".jar")).sorted().forEach(cp::add);
        }
        Path aot = target.resolve("bench-probe.aot");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // bin/berth's flags, so the numbers are what a person gets.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Dprism.order=sw",
                Files.exists(aot) ? "-XX:AOTCache=" + aot : "-XX:AOTCacheOutput=" + aot,
                "-Dberth.bench.containers=" + containers,
                "-cp", String.join(":", cp), "dev.berth.app.shell.AppProbe$Main", "--connect", uri));
        String jfr = System.getenv("BERTH_BENCH_JFR");
        if (jfr != null && !jfr.isBlank()) {
            // Profiling the app: BERTH_BENCH_JFR=<dir> scripts/bench/app records each probe and dumps it there.
            cmd.addAll(1, List.of("-XX:StartFlightRecording:settings=profile", "-Dberth.bench.jfr=" + jfr));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
                OutputStream in = p.getOutputStream()) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("ready")) {
                    events.run();
                    in.write("done\n".getBytes());
                    in.flush();
                } else if (line.contains("=")) {
                    out.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
        }
        p.waitFor();
        System.err.println("run: " + out);
        return out;
    }

    private static void print(int containers, List<Map<String, String>> runs) {
        System.out.println("| metric (" + containers + " containers listed) | " + String.join(" | ",
                runs.stream().map(r -> runs.indexOf(r) == 0 ? "run 1 (no AOT cache; records it)"
                        : "run " + (runs.indexOf(r) + 1) + " (AOT cache)").toList())
                + " |");
        System.out.println("| --- |" + " --- |".repeat(runs.size()));
        for (String key : List.of("first_paint_connected_ms", "listed_ms", "listed_rows", "rss_mib", "heap_used_mib",
                "frames", "gap_max_ms", "gap_p99_ms", "gaps_over_100ms", "rss_after_events_mib")) {
            System.out.println("| " + key + " | " + String.join(" | ",
                    runs.stream().map(r -> r.getOrDefault(key, "?")).toList()) + " |");
        }
    }
}
