package dev.berth.runtime.container.monitor;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A process started by {@link ConmonMonitor#exec} in a running container. Its exit code arrives on the
 * sync pipe while the engine listens, and is also in the session's exit file for an engine that restarted.
 */
public final class ExecSession {
    private final ExecLayout layout;
    private final long pid;
    private final AttachConnection attached;
    private final CompletableFuture<Integer> exit;

    ExecSession(ExecLayout layout, long pid, AttachConnection attached, CompletableFuture<Integer> exit) {
        this.layout = layout;
        this.pid = pid;
        this.attached = attached;
        this.exit = exit;
    }

    public ExecLayout layout() {
        return layout;
    }
    /** Host pid of the exec'd process. */
    public long pid() {
        return pid;
    }

    /** The attach connection made before the process started (so no output was lost), when one was asked for. */
    public Optional<AttachConnection> attachment() {
        return Optional.ofNullable(attached);
    }

    /** Completes with the process's exit code (128+signal when killed). */
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    /** The exit code if the process has exited. */
    public OptionalInt exitCode() {
        return ExitFiles.read(layout.exitFile());
    }

    /** Resizes the session's TTY. */
    public void resize(int height, int width) {
        ConsoleControl.resize(layout.ctlFifo(), height, width);
    }

    /** A reader of the session's own log (conmon logs exec output too). */
    public LogReader logs() {
        return new LogReader(layout.logFile());
    }

    /** Connects another client to the session's attach socket. */
    public AttachConnection attach() throws IOException {
        return AttachConnection.connect(layout.attachSocket());
    }
}
