package dev.berth.app.testing;

import dev.berth.testkit.BerthdCommand;
import dev.berth.testkit.BerthdProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real berthd for app tests: this checkout's built runtime (started by testkit's {@link BerthdProcess}, as
 * {@code bin/berthd} would run it) on a temporary data root, exec root and socket,
 * plus the docker CLI pointed at it. Needs root; run under the engine lock ({@code flock /work/wt/berthd.lock}).
 * A stop first removes every container, since containers outlive berthd under their monitors.
 */
public final class LocalBerthd implements AutoCloseable {
    private final Path dir;
    private final BerthdProcess process;

    private LocalBerthd(Path dir, BerthdProcess process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts berthd (testkit's launcher, the checkout's built runtime) and waits until it answers {@code /_ping}. */
    public static LocalBerthd start() {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "berth-app-it-");
            String uri = "unix://" + dir.resolve("berthd.sock");
            BerthdProcess p = new BerthdProcess(dir.resolve("berthd.sock"), dir.resolve("berthd.log"),
                    BerthdCommand.fromCheckout(BerthdCommand.checkoutRoot(), List.of("-H", uri, "--data-root",
                            dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString())));
            p.start(Duration.ofMinutes(3));
            return new LocalBerthd(dir, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path socket() {
        return dir.resolve("berthd.sock");
    }

    /** The address for {@code DockerJavaEngine}. */
    public String uri() {
        return "unix://" + socket();
    }

    public String log() {
        return process.log();
    }

    /** Runs the docker CLI against this berthd; fails with its output unless it exits 0. Returns stdout. */
    public String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", uri()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new AssertionError("docker " + String.join(" ", args) + " failed:\n" + out + "\n" + log());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Removes every container, then stops berthd (SIGTERM) and waits for it. */
    @Override
    public void close() {
        try {
            String ids = docker("ps", "-aq").strip();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(List.of(ids.split("\\s+")));
                docker(rm.toArray(String[]::new));
            }
        } finally {
            try {
                process.stop(Duration.ofSeconds(60));
            } catch (AssertionError stuck) {
                // stop() killed it after the timeout; the temp directory still goes below.
            }
            dev.berth.testkit.EngineRules.remove(dir.resolve("data"));
            deleteUnlessMounted();
        }
    }

    /** Removes the temporary directory, unless something is still mounted under it (then it is left for a person). */
    private void deleteUnlessMounted() {
        try {
            if (Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().anyMatch(l -> l.contains(dir.toString()))) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // A leftover temp directory is harmless; the test's result stands.
        }
    }
}
