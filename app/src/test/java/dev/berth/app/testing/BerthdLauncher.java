package dev.berth.app.testing;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.EngineProbe;
import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the checkout's {@code bin/berthd} as a subprocess on a temp socket, data root and exec root, and loads
 * the testkit's busybox into it through a throw-away local registry. Needs root; hold the engine lock
 * ({@code flock /work/wt/berthd.lock}) around the test run. A stand-in until testkit has a shared launcher.
 */
public final class BerthdLauncher implements LiveEngine {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final Path dir;
    private final Process process;
    private final String image;

    private BerthdLauncher(Path dir, Process process, String image) {
        this.dir = dir;
        this.process = process;
        this.image = image;
    }

    /** True when this machine can run berthd (root, a checkout with bin/berthd); ITs assume it. */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(checkout().resolve("bin/berthd"));
    }

    /** Starts berthd and pulls busybox into it. */
    public static BerthdLauncher start() {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "berth-app-it-");
            Path sock = dir.resolve("berthd.sock");
            ProcessBuilder pb = new ProcessBuilder(checkout().resolve("bin/berthd").toString(), "-H", "unix://" + sock,
                    "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("berthd.log").toFile());
            Process p = pb.start();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!EngineProbe.unixSocket(sock).answers()) {
                if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("berthd did not start: " + Files.readString(dir.resolve("berthd.log")));
                }
                Thread.sleep(200);
            }
            String ref;
            try (RegistryServer registry = RegistryServer.open();
                 DockerJavaEngine engine = new DockerJavaEngine("unix://" + sock)) {
                TestImages.busybox().push(registry, "it/busybox", "1");
                ref = registry.host() + "/it/busybox:1";
                engine.pullImage(ref, x -> { });
            }
            return new BerthdLauncher(dir, p, ref);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String uri() {
        return "unix://" + dir.resolve("berthd.sock");
    }

    @Override
    public String busyboxImage() {
        return image;
    }

    /** berthd's log so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("berthd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        // Containers outlive berthd by design: remove them first so no process or mount is left behind.
        try (DockerJavaEngine engine = new DockerJavaEngine(uri())) {
            engine.listContainers().forEach(c -> engine.removeContainer(c.id(), true));
            engine.listVolumes().forEach(v -> engine.removeVolume(v.name()));
        } catch (RuntimeException e) {
            System.err.println("cleaning berthd: " + e.getMessage());
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dev.berth.testkit.EngineRules.remove(dir.resolve("data"));
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: /tmp is cleaned eventually
        }
    }

    /** The source checkout: the parent of the app module the tests run in. */
    private static Path checkout() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("bin/berthd")) ? here : here.getParent();
    }

    /** Runs the real docker CLI against this engine (the app has no "create container" yet) and returns its stdout. */
    public String docker(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker", "--host", uri()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
