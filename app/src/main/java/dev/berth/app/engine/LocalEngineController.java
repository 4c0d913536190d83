package dev.berth.app.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts and stops the local Berth engine (berthd) on Linux. As root it runs {@code bin/berthd} directly in the
 * background; otherwise through {@code pkexec}, which asks for the administrator password (berthd needs root for
 * namespaces and mounts). Output goes to a log file whose last lines explain a failed start.
 */
public final class LocalEngineController {
    /** Where the local engine stands. */
    public enum State { STOPPED, STARTING, RUNNING, ERROR }

    /** A state, a one-line message and, on error, the engine's last log lines. */
    public record Status(State state, String message, List<String> lastLogLines) {
        public Status {
            lastLogLines = List.copyOf(lastLogLines);
        }
    }

    private static final int LOG_TAIL = 15;
    private static final String START_MARKER = "--- berth: starting ";

    private final List<String> launchCommand;
    private final Path logFile;
    private final EngineProbe probe;
    private final Duration startTimeout;
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private volatile Status status = new Status(State.STOPPED, "", List.of());
    private Process process;

    /**
     * @param launchCommand the command that runs berthd in the foreground (see {@link #commandFor})
     * @param logFile       where berthd's output is appended
     * @param probe         answers whether the engine's socket serves requests yet
     */
    public LocalEngineController(List<String> launchCommand, Path logFile, EngineProbe probe, Duration startTimeout) {
        this.launchCommand = List.copyOf(launchCommand);
        this.logFile = logFile;
        this.probe = probe;
        this.startTimeout = startTimeout;
    }

    /** {@code bin/berthd} as is when we are root, else wrapped in {@code pkexec}. */
    public static List<String> commandFor(Path berthdScript, boolean root) {
        String script = berthdScript.toAbsolutePath().toString();
        return root ? List.of(script) : List.of("pkexec", script);
    }

    /** Whether this process runs as uid 0, read from {@code /proc/self/status} (no native call needed). */
    public static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux or no procfs: fall back to the user name.
        }
        return "root".equals(System.getProperty("user.name"));
    }

    public Status status() {
        return status;
    }

    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    /** Checks the socket and records RUNNING or STOPPED, unless a start is under way. Blocks briefly. */
    public Status refresh() {
        if (status.state() != State.STARTING) {
            boolean up = probe.answers();
            if (up) {
                set(new Status(State.RUNNING, "", List.of()));
            } else if (status.state() == State.RUNNING) {
                set(new Status(State.STOPPED, "", List.of()));
            }
        }
        return status;
    }

    /**
     * Launches berthd and returns at once; a virtual thread then waits until the socket answers (RUNNING), the
     * process exits (ERROR with its last log lines) or the timeout passes (ERROR).
     */
    public synchronized void start() {
        if (status.state() == State.STARTING || status.state() == State.RUNNING) {
            return;
        }
        if (probe.answers()) {
            set(new Status(State.RUNNING, "", List.of()));
            return;
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, START_MARKER + String.join(" ", launchCommand) + " at "
                    + Instant.now() + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(launchCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            set(new Status(State.ERROR, "Could not run " + launchCommand.getFirst() + ": " + e.getMessage(),
                    tail()));
            return;
        }
        set(new Status(State.STARTING, "", List.of()));
        Process started = process;
        Thread.ofVirtual().name("berthd-start-watch").start(() -> awaitReady(started));
    }

    private void awaitReady(Process started) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (probe.answers()) {
                    set(new Status(State.RUNNING, "", List.of()));
                    return;
                }
                if (!started.isAlive()) {
                    set(new Status(State.ERROR, "The engine exited with status " + started.exitValue()
                            + " before it answered.", tail()));
                    return;
                }
                // Waiting for a process we just launched to open its socket; not a steady-state poll.
                Thread.sleep(200);
            }
            set(new Status(State.ERROR, "The engine did not answer within " + startTimeout.toSeconds() + " s.",
                    tail()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the engine this controller started (SIGTERM, then SIGKILL after 15 s). Blocks until it is gone. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            set(new Status(probe.answers() ? State.RUNNING : State.STOPPED,
                    probe.answers() ? "This engine was not started by Berth; stop it where it was started." : "",
                    List.of()));
            return;
        }
        // pkexec runs berthd as root, so we cannot signal it ourselves; its descendants go down with it on TERM.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        set(new Status(State.STOPPED, "", List.of()));
    }

    /** The last lines of the engine's log file. */
    public List<String> tail() {
        try {
            if (!Files.exists(logFile)) {
                return List.of();
            }
            // Build tools color their output; escape codes are noise in a text box.
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .map(l -> l.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "")).filter(l -> !l.isBlank()).toList();
            // Only the latest start matters; earlier runs appended to the same file.
            int from = 0;
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith(START_MARKER)) {
                    from = i + 1;
                    break;
                }
            }
            lines = lines.subList(from, lines.size());
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    public Path logFile() {
        return logFile;
    }

    private void set(Status s) {
        status = s;
        listeners.forEach(l -> l.accept(s));
    }
}
