package dev.berth.machine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts and stops a machine's host process from the outside — what {@code berth machine start|stop|status} and the
 * app do. The host runs detached ({@code setsid} where there is one), so the VM and the engine socket outlive the
 * command or the app that started them; progress and failures are read from its state file.
 */
public final class MachineControl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MachinePaths paths;
    private final List<String> hostCommand;

    /**
     * @param hostCommand the command that runs {@code berth machine serve <name>} (a java command line), the machine's
     *                    name appended
     */
    public MachineControl(MachinePaths paths, List<String> hostCommand) {
        this.paths = paths;
        this.hostCommand = List.copyOf(hostCommand);
    }

    /** The java command that runs this module's CLI with the current JVM and class path. */
    public static List<String> thisJvm(String berthHome) {
        // java.home, not this process's command: in the installed app that command is the native launcher.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx96m",
                "--enable-native-access=ALL-UNNAMED", "-Dberth.home=" + berthHome,
                "-cp", System.getProperty("java.class.path"), "dev.berth.machine.cli.MachineCli", "serve"));
        return cmd;
    }

    public MachinePaths paths() {
        return paths;
    }

    /** The machine's size, from its config file or the defaults. */
    public MachineConfig config() {
        try {
            return JSON.readValue(Files.readAllBytes(paths.config()), MachineConfig.class);
        } catch (IOException | RuntimeException e) {
            return MachineConfig.defaults().withName(paths.name());
        }
    }

    public void saveConfig(MachineConfig config) throws IOException {
        Files.createDirectories(paths.dir());
        Files.write(paths.config(), JSON.writeValueAsBytes(config));
    }

    /** The state as the host process last wrote it, corrected when that process is gone. */
    public MachineState status() {
        MachineState s = MachineState.read(paths.state());
        boolean hostAlive = s.hostPid() > 0 && ProcessHandle.of(s.hostPid()).map(ProcessHandle::isAlive).orElse(false);
        boolean justLaunched = s.hostPid() == 0
                && System.currentTimeMillis() - s.updatedAtMillis() < HOST_START_GRACE_MILLIS;
        if (!hostAlive && !justLaunched
                && (s.state().equals("running") || s.state().equals("starting") || s.state().equals("stopping"))) {
            return s.with("failed", "",
                    "the machine's host process (pid " + s.hostPid() + ") is gone; start the machine again");
        }
        return s;
    }

    /** Whether a host process runs for this machine (starting, running or idle-stopped). */
    public boolean hostRunning() {
        MachineState s = MachineState.read(paths.state());
        return s.hostPid() > 0 && ProcessHandle.of(s.hostPid()).map(ProcessHandle::isAlive).orElse(false)
                && !s.state().equals("failed");
    }

    /**
     * Starts the host process unless one runs, then waits until the machine runs or fails, passing each boot stage
     * to {@code progress}. Returns the failure's reason, empty when it runs.
     */
    public Optional<String> start(Duration timeout, Consumer<String> progress) throws IOException {
        awaitFailedHostExit();
        Process launched = hostRunning() ? null : launchHost();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            MachineState s = status();
            if (s.running()) {
                return Optional.empty();
            }
            if (s.failed() && s.updatedAtMillis() >= launchedAt) {
                return Optional.of(s.message());
            }
            if (launched != null && !launched.isAlive() && !MachineState.read(paths.state()).running()) {
                // It ended without recording a state (it found another host holding the machine, say): its log says why.
                MachineState after = MachineState.read(paths.state());
                return Optional.of(after.failed() && after.updatedAtMillis() >= launchedAt ? after.message()
                        : "the machine's host process ended at once: " + lastLine(paths.hostLog()));
            }
            String line = s.stage().isEmpty() ? s.state() : s.stage();
            if (!line.equals(last)) {
                progress.accept(line);
                last = line;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
        return Optional.of("the machine did not start within " + timeout.toSeconds() + " s; see berth machine logs");
    }

    private long launchedAt;
    /** How long a launched host process may take to write its first state (a JVM starting on a busy machine). */
    private static final long HOST_START_GRACE_MILLIS = 30_000;
    private static final Duration FAILED_HOST_EXIT_WAIT = Duration.ofSeconds(30);

    /**
     * A host process whose VM just died records the failure and then takes a moment to exit (closing its sockets and
     * the machine's lock): a start in that moment waits for it instead of launching a host that finds the lock taken.
     */
    private void awaitFailedHostExit() {
        MachineState s = MachineState.read(paths.state());
        if (!s.failed() || s.hostPid() <= 0) {
            return;
        }
        ProcessHandle.of(s.hostPid()).filter(ProcessHandle::isAlive).ifPresent(host -> {
            try {
                host.onExit().get(FAILED_HOST_EXIT_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // still there: the launched host will say the machine is taken, and start() reports that
            }
        });
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(its log is empty)").strip();
        } catch (IOException e) {
            return "(its log is unreadable: " + e.getMessage() + ")";
        }
    }

    private Process launchHost() throws IOException {
        Files.createDirectories(paths.dir());
        MachineState.stopped().with("starting", "Starting the VM", "").write(paths.state());
        launchedAt = System.currentTimeMillis();
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid"); // its own session: Ctrl+C in the terminal that started it does not reach it
        }
        cmd.addAll(hostCommand);
        cmd.add(paths.name());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(paths.hostLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(
                        new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        pb.environment().putIfAbsent("BERTH_HOME", paths.berthHome().toString());
        return pb.start();
    }

    /** Stops the machine cleanly (containers first) and waits for its host process to end; false if it would not. */
    public boolean stop(Duration timeout) {
        MachineState s = MachineState.read(paths.state());
        Optional<ProcessHandle> host = s.hostPid() > 0 ? ProcessHandle.of(s.hostPid()) : Optional.empty();
        if (host.isEmpty() || !host.get().isAlive()) {
            return true;
        }
        host.get().destroy(); // SIGTERM: the host stops the containers and powers the VM off
        try {
            host.get().onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops the machine and deletes its files, data disk included. */
    public void remove(Duration timeout) throws IOException {
        if (!stop(timeout)) {
            throw new MachineException("the machine would not stop; not removing it");
        }
        if (Files.isDirectory(paths.dir())) {
            try (var walk = Files.walk(paths.dir())) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The environment the host process gets (the caller's). */
    static Map<String, String> env() {
        return System.getenv();
    }
}
