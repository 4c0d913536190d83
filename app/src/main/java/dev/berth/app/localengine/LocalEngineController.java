package dev.berth.app.localengine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts and stops the local Berth engine (berthd) on Linux and says where it stands. How it is started — as a
 * child process, through pkexec, or through the installed system service — is the {@link EngineLauncher}'s
 * business; this class waits for the socket to answer and turns failures into a state with the last log lines.
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

    private static final Duration STOPPED_REASON_WAIT = Duration.ofSeconds(15);

    private volatile EngineLauncher launcher;
    private volatile EngineProbe probe;
    private volatile Duration startTimeout;
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private volatile Status status = new Status(State.STOPPED, "", List.of());

    /**
     * @param probe answers whether the engine's socket serves requests yet
     */
    public LocalEngineController(EngineLauncher launcher, EngineProbe probe, Duration startTimeout) {
        this.launcher = launcher;
        this.probe = probe;
        this.startTimeout = startTimeout;
    }

    /** A controller that runs {@code launchCommand} (berthd in the foreground) as a child process. */
    public LocalEngineController(List<String> launchCommand, Path logFile, EngineProbe probe, Duration startTimeout) {
        this(new ProcessLauncher(launchCommand, EngineLauncher.Mode.DIRECT, logFile), probe, startTimeout);
    }

    /** Whether this process runs as uid 0. */
    public static boolean runningAsRoot() {
        return LauncherChoice.runningAsRoot();
    }

    public Status status() {
        return status;
    }

    public EngineLauncher launcher() {
        return launcher;
    }

    /**
     * Runs the engine another way from now on (natively, or in the Berth VM): the old one is left as it is (the
     * caller stops it first if it should), and the state is read afresh from the new engine's socket.
     */
    public synchronized void switchTo(EngineLauncher newLauncher, EngineProbe newProbe, Duration newStartTimeout) {
        launcher = newLauncher;
        probe = newProbe;
        startTimeout = newStartTimeout;
        set(new Status(newProbe.answers() ? State.RUNNING : State.STOPPED, "", List.of()));
    }

    public EngineLauncher.Mode launchMode() {
        return launcher.mode();
    }

    public String logLocation() {
        return launcher.logLocation();
    }

    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    /** Checks the socket and records RUNNING or STOPPED, unless a start is under way. Blocks briefly. */
    public Status refresh() {
        if (status.state() != State.STARTING) {
            boolean up = probe.answers();
            if (up) {
                if (status.state() != State.RUNNING) {
                    set(new Status(State.RUNNING, launcher.note(), List.of()));
                }
            } else if (status.state() == State.RUNNING) {
                Status stopped = new Status(State.STOPPED, launcher.stoppedReason(), launcher.lastLogLines());
                set(stopped);
                if (stopped.message().isEmpty()) {
                    // The socket goes quiet the moment a VM dies, before its host process has recorded why.
                    launcher.stoppedReasonWhenKnown().orTimeout(STOPPED_REASON_WAIT.toSeconds(), TimeUnit.SECONDS)
                            .thenAccept(reason -> showStoppedReason(stopped, reason));
                }
            } else if (status.state() == State.STOPPED && status.message().isEmpty()) {
                showStoppedReason(status, launcher.stoppedReason());
            }
        }
        return status;
    }

    /**
     * Launches berthd and returns at once; a virtual thread then waits until the socket answers (RUNNING), the
     * launch fails (ERROR with the last log lines) or the timeout passes (ERROR).
     */
    public synchronized void start() {
        if (status.state() == State.STARTING || status.state() == State.RUNNING) {
            return;
        }
        if (probe.answers()) {
            set(new Status(State.RUNNING, "", List.of()));
            return;
        }
        EngineLauncher.Launch launch;
        try {
            launch = launcher.launch();
        } catch (IOException e) {
            set(new Status(State.ERROR, e.getMessage(), launcher.lastLogLines()));
            return;
        }
        set(new Status(State.STARTING, "", List.of()));
        Thread.ofVirtual().name("berthd-start-watch").start(() -> awaitReady(launch));
    }

    private void awaitReady(EngineLauncher.Launch launch) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        String shown = "";
        try {
            while (System.nanoTime() < deadline) {
                String progress = launch.progress();
                if (!progress.isEmpty() && !progress.equals(shown)) {
                    // A VM boots in stages over many seconds: say which one it is in.
                    shown = progress;
                    set(new Status(State.STARTING, progress, List.of()));
                }
                if (probe.answers()) {
                    set(new Status(State.RUNNING, launcher.note(), List.of()));
                    return;
                }
                Optional<String> failure = launch.failure();
                if (failure.isPresent()) {
                    set(new Status(State.ERROR, failure.get(), launcher.lastLogLines()));
                    return;
                }
                // Waiting for an engine we just launched to open its socket; not a steady-state poll.
                Thread.sleep(200);
            }
            set(new Status(State.ERROR, "The engine did not answer within " + startTimeout.toSeconds() + " s.",
                    launcher.lastLogLines()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shows why the engine stopped, unless something else happened to it meanwhile. */
    private synchronized void showStoppedReason(Status stopped, String reason) {
        if (status != stopped) {
            return;
        }
        if (!reason.isEmpty()) {
            set(new Status(State.STOPPED, reason, launcher.lastLogLines()));
        }
    }

    /** Stops the engine if the launcher can. Blocks until it is gone or the launcher said why not. */
    public synchronized void stop() {
        Optional<String> refused = launcher.stop();
        if (refused.isEmpty()) {
            set(new Status(State.STOPPED, "", List.of()));
            return;
        }
        boolean up = probe.answers();
        set(new Status(up ? State.RUNNING : State.STOPPED, up ? refused.get() : "", List.of()));
    }

    private void set(Status s) {
        status = s;
        listeners.forEach(l -> l.accept(s));
    }
}
