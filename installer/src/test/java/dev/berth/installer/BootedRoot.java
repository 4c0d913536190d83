package dev.berth.installer;

import dev.berth.testkit.Await;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh Debian root (mmdebstrap, {@code make-root.sh}) booted by its own systemd as PID 1 of private namespaces
 * ({@code boot-root.sh}): a stand-in for a new user's machine that the package can be installed into, its service
 * started and its files listed, without touching the host.
 */
final class BootedRoot implements AutoCloseable {
    private final Path dir;
    private final Path root;
    private final Process boot;
    private long systemdPid;

    private BootedRoot(Path dir, Path root, Process boot) {
        this.dir = dir;
        this.root = root;
        this.boot = boot;
    }

    /** Makes the root under {@code dir} and boots it; returns once systemd says it is running. */
    static BootedRoot make(Path dir) throws IOException, InterruptedException {
        Path root = dir.resolve("root");
        Path makeRoot = script(dir, "make-root.sh");
        Result made = run(List.of("bash", makeRoot.toString(), root.toString()), Duration.ofMinutes(20));
        if (made.exit() != 0) {
            throw new AssertionError("mmdebstrap could not make the root:\n" + made.output());
        }
        Path bootScript = dev.berth.testkit.BootScripts.write(BootedRoot.class, "boot-root.sh", dir);
        Process p = new ProcessBuilder("bash", bootScript.toString(), root.toString(), dir.getFileName().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("boot.log").toFile()).start();
        BootedRoot booted = new BootedRoot(dir, root, p);
        booted.awaitSystemd();
        return booted;
    }

    private static Path script(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = BootedRoot.class.getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private void awaitSystemd() {
        String[] state = {""};
        Await.until("systemd to boot the root", Duration.ofMinutes(2), () -> {
            if (!boot.isAlive()) {
                throw new AssertionError("the root's systemd ended: " + log());
            }
            var child = boot.toHandle().descendants()
                    .filter(c -> c.info().command().map(x -> x.endsWith("/systemd")).orElse(false)).findFirst();
            if (child.isEmpty()) {
                return false;
            }
            systemdPid = child.get().pid();
            try {
                state[0] = run(asRoot("systemctl", "is-system-running"), Duration.ofSeconds(30)).output().strip();
            } catch (IOException e) {
                return false;
            }
            return state[0].equals("running") || state[0].equals("degraded");
        }, () -> state[0] + "\n" + log());
    }

    /** A command run as root inside the booted root. */
    List<String> asRoot(String... command) {
        List<String> all = new ArrayList<>(List.of("nsenter", "-t", String.valueOf(systemdPid), "-m", "-p", "-u",
                "-i", "-r", "-w", "--", "env", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "DEBIAN_FRONTEND=noninteractive", "LANG=C.UTF-8"));
        all.addAll(List.of(command));
        return all;
    }

    /** A command run inside the root as {@code user}, with that user's groups as a fresh login gives them. */
    List<String> asUser(String user, String... command) {
        List<String> all = asRoot("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "env",
                "HOME=/home/" + user, "USER=" + user);
        all.addAll(List.of(command));
        return all;
    }

    /** Where a path inside the root is on the host. */
    Path path(String inside) {
        return root.resolve(inside.replaceFirst("^/", ""));
    }

    /** What a finished command left. */
    record Result(int exit, String output) {}

    static Result run(List<String> command, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            // Read on this thread; a command that outlives its time is killed, which ends the stream.
            var killer = Thread.ofVirtual().start(() -> {
                try {
                    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    }
                } catch (InterruptedException ignored) {
                    // The command ended first.
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            killer.interrupt();
            return new Result(exit, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    String log() {
        try {
            return Files.readString(dir.resolve("boot.log"));
        } catch (IOException e) {
            return "(no boot log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Killing PID 1 of the PID namespace ends every process in it; the mounts go with its mount namespace.
        ProcessHandle.of(systemdPid).ifPresent(ProcessHandle::destroyForcibly);
        boot.destroyForcibly();
        boot.waitFor(30, TimeUnit.SECONDS);
        String name = dir.getFileName().toString();
        for (String hierarchy : List.of("systemd", "unified")) {
            Path top = Path.of("/sys/fs/cgroup", hierarchy, name);
            Await.within(Duration.ofSeconds(10), () -> {
                try (Stream<Path> all = Files.walk(top)) {
                    all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).forEach(d -> d.toFile().delete());
                } catch (IOException | java.io.UncheckedIOException e) {
                    return !Files.exists(top);
                }
                return !Files.exists(top);
            });
        }
        run(List.of("rm", "-rf", "--one-file-system", dir.toString()), Duration.ofMinutes(2));
    }
}
