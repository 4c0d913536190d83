package dev.berth.app.it;

import dev.berth.testkit.TempTree;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.localengine.LocalEngineController;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * This host's real systemd, D-Bus and polkit, booted as PID 1 of private namespaces by {@code systemd-sandbox.sh}
 * (read it for what is kept from the host and how), so tests can install berthd.service, start it as a user who
 * is not root and see what a desktop would see. Skipped with the reason where root or one of the parts is missing.
 */
final class SystemdSandbox implements BeforeAllCallback, AfterAllCallback {
    private static final List<String> NEEDED = List.of("/lib/systemd/systemd", "/usr/bin/unshare", "/usr/bin/nsenter",
            "/usr/bin/setpriv", "/usr/bin/dbus-daemon", "/usr/lib/polkit-1/polkitd");

    private Path dir;
    private Process sandbox;
    private long systemdPid;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeTrue(LocalEngineController.runningAsRoot(), "booting systemd in namespaces needs root");
        for (String program : NEEDED) {
            assumeTrue(Files.isExecutable(Path.of(program)), program + " is not installed (scripts/install-deps "
                    + "--test installs systemd, dbus and polkitd)");
        }
        dir = Files.createTempDirectory(Path.of("/tmp"), "berth-systemd-");
        Path script = dev.berth.testkit.BootScripts.write(SystemdSandbox.class, "systemd-sandbox.sh", dir);
        sandbox = new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sandbox.log").toFile()).start();
        systemdPid = awaitSystemd();
    }

    private long awaitSystemd() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!sandbox.isAlive()) {
                throw new AssertionError("the systemd sandbox ended: " + log());
            }
            // The script execs unshare, whose one lasting child is systemd (the script's mkdirs come and go before).
            var child = sandbox.toHandle().children()
                    .filter(c -> c.info().command().map(x -> x.endsWith("/systemd")).orElse(false)).findFirst();
            if (child.isPresent()) {
                systemdPid = child.get().pid();
                last = run(asRoot("systemctl", "is-system-running")).output().strip();
                if (last.equals("running") || last.equals("degraded")) {
                    return systemdPid;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("systemd did not come up in the sandbox (last state: " + last + "): " + log());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (sandbox == null) {
            return;
        }
        // Killing PID 1 of a PID namespace ends every process in it; its mounts go with its mount namespace.
        ProcessHandle.of(systemdPid).ifPresent(ProcessHandle::destroyForcibly);
        sandbox.destroyForcibly();
        sandbox.waitFor(30, TimeUnit.SECONDS);
        removeCgroups(dir.getFileName().toString());
        TempTree.delete(dir);
    }

    private static void removeCgroups(String name) throws InterruptedException {
        for (String hierarchy : List.of("systemd", "unified")) {
            Path top = Path.of("/sys/fs/cgroup", hierarchy, name);
            // The kernel lets a cgroup go only once its last process has exited, which takes a moment after a kill.
            for (int attempt = 0; attempt < 50 && Files.exists(top); attempt++) {
                try (Stream<Path> all = Files.walk(top)) {
                    all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).forEach(d -> d.toFile().delete());
                } catch (IOException | java.io.UncheckedIOException e) {
                    // Retried below.
                }
                Thread.sleep(100);
            }
        }
    }

    /** A command run as root inside the sandbox. */
    List<String> asRoot(String... command) {
        List<String> all = new ArrayList<>(List.of("nsenter", "-t", String.valueOf(systemdPid), "-m", "-p", "--"));
        all.addAll(List.of(command));
        return all;
    }

    /** A command run inside the sandbox as {@code user}, with that user's groups, as a login would give them. */
    List<String> asUser(String user, String... command) {
        List<String> all = asRoot("env", "HOME=/nonexistent", "setpriv", "--reuid=" + user, "--regid=" + user,
                "--init-groups");
        all.addAll(List.of(command));
        return all;
    }

    /** Where a path inside the sandbox is seen from the host (through systemd's root). */
    Path fromHost(String insidePath) {
        return Path.of("/proc/" + systemdPid + "/root" + insidePath);
    }

    /** What a finished command left. */
    record Result(int exit, String output) {}

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    String log() {
        try {
            return Files.readString(dir.resolve("sandbox.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
