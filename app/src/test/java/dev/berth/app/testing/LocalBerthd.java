package dev.berth.app.testing;

import dev.berth.app.engine.EngineProbe;
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
 * A real berthd for app tests: {@code bin/berthd} of this checkout on a temporary data root, exec root and socket,
 * plus the docker CLI pointed at it. Needs root; run under the engine lock ({@code flock /work/wt/berthd.lock}).
 * A stop first removes every container, since containers outlive berthd under their monitors.
 */
public final class LocalBerthd implements AutoCloseable {
    private final Path dir;
    private final Process process;

    private LocalBerthd(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts berthd and waits until its socket answers {@code /_ping}. */
    public static LocalBerthd start() {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "berth-app-it-");
            Path top = checkout();
            List<String> cmd = List.of(top.resolve("bin/berthd").toString(), "-H", "unix://" + dir.resolve("berthd.sock"),
                    "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("berthd.log").toFile())).start();
            LocalBerthd b = new LocalBerthd(dir, p);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new AssertionError("berthd exited with " + p.exitValue() + "\n" + b.log());
                }
                if (Files.exists(b.socket()) && EngineProbe.unixSocket(b.socket()).answers()) {
                    return b;
                }
                Thread.sleep(100);
            }
            p.destroyForcibly();
            throw new AssertionError("berthd did not answer within 3 minutes\n" + b.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The top of the source checkout (tests run in app/). */
    private static Path checkout() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.exists(here.resolve("bin/berthd")) ? here : here.getParent();
    }

    public Path socket() {
        return dir.resolve("berthd.sock");
    }

    /** The address for {@code DockerJavaEngine}. */
    public String uri() {
        return "unix://" + socket();
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("berthd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
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
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
