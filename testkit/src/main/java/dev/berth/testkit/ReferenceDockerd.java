package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The yardstick engine: Debian's dockerd (package docker.io) on a private socket, data root and exec root, without
 * bridge or iptables so that it leaves the host's (and berthd's) networking alone. Tests that prove berthd behaves
 * as dockerd does run the same commands on both.
 */
public final class ReferenceDockerd implements AutoCloseable {
    private final Path dir;
    private final Process process;

    private ReferenceDockerd(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Whether dockerd is installed here (scripts/install-deps --test installs it). */
    public static boolean installed() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "dockerd"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts dockerd in a fresh directory under /tmp and waits until it answers {@code /_ping}. */
    public static ReferenceDockerd start() {
        return start(List.of());
    }

    /** As {@link #start()}, with more flags (another {@code --host} with TLS, say). */
    public static ReferenceDockerd start(List<String> extraArgs) {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "berth-dockerd-");
            List<String> cmd = new ArrayList<>(List.of("dockerd", "--host", "unix://" + dir.resolve("dockerd.sock"),
                    "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                    "--pidfile", dir.resolve("dockerd.pid").toString(),
                    "--iptables=false", "--ip-masq=false", "--bridge=none"));
            cmd.addAll(extraArgs);
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
            ReferenceDockerd dockerd = new ReferenceDockerd(dir, p);
            try {
                Await.until("dockerd answering /_ping", Duration.ofSeconds(90),
                        () -> !p.isAlive() || BerthdProcess.pingOk(dockerd.socket()));
            } catch (AssertionError e) {
                dockerd.close();
                throw new AssertionError(e.getMessage() + "\n" + dockerd.log(), e);
            }
            if (!p.isAlive()) {
                throw new AssertionError("dockerd exited during start-up\n" + dockerd.log());
            }
            return dockerd;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd", e);
        }
    }

    public Path socket() {
        return dir.resolve("dockerd.sock");
    }

    /** Runs the docker CLI against this dockerd; returns exit code, stdout and stderr. */
    public CliResult docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", "unix://" + socket()));
        cmd.addAll(List.of(args));
        return CliResult.run(cmd);
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("dockerd.log"));
        } catch (IOException e) {
            return "(no dockerd log: " + e.getMessage() + ")";
        }
    }

    /** Stops dockerd (and the containerd it started) and deletes its directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Its overlay mounts and the containerd state under exec go with the directory.
        CliResult.run(List.of("sh", "-c",
                "grep -o ' " + dir + "[^ ]*' /proc/self/mounts | sort -r | xargs -r -n1 umount -l"));
        CliResult.run(List.of("rm", "-rf", dir.toString()));
    }

    /** One command's outcome. */
    public record CliResult(int exitCode, String stdout, String stderr) {
        static CliResult run(List<String> cmd) {
            try {
                Process p = new ProcessBuilder(cmd)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return new String(p.getErrorStream().readAllBytes());
                    } catch (IOException e) {
                        return e.toString();
                    }
                });
                String out = new String(p.getInputStream().readAllBytes());
                return new CliResult(p.waitFor(), out, err.join());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + cmd, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
