package dev.berth.runtime.container.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A container under a conmon, known only through files: that is what makes it survive the engine. Build one
 * right after {@link ConmonMonitor#create} or, after an engine restart, with {@link #reattach(ContainerLayout)}.
 */
public final class MonitoredContainer {
    private final ContainerLayout layout;
    private final long pid;
    private final long conmonPid;

    MonitoredContainer(ContainerLayout layout, long pid, long conmonPid) {
        this.layout = layout;
        this.pid = pid;
        this.conmonPid = conmonPid;
    }

    /** A container a monitor has just created: its process {@code pid} under the monitor {@code conmonPid}. */
    public static MonitoredContainer created(ContainerLayout layout, long pid, long conmonPid) {
        return new MonitoredContainer(layout, pid, conmonPid);
    }

    /** Re-reads a container's pids from its bundle, e.g. when the engine starts again and finds it there. */
    public static MonitoredContainer reattach(ContainerLayout layout) throws IOException {
        return new MonitoredContainer(layout, readPid(layout.pidFile()).orElse(0),
                readPid(layout.conmonPidFile()).orElse(0));
    }

    public ContainerLayout layout() {
        return layout;
    }
    public String id() {
        return layout.id();
    }
    /** Host pid of the container's init process. */
    public long pid() {
        return pid;
    }
    /** Host pid of the conmon watching it. */
    public long conmonPid() {
        return conmonPid;
    }

    /** Whether conmon still runs; once it is gone the exit file has been written (or conmon crashed). */
    public boolean monitorAlive() {
        return conmonPid > 0 && ProcessHandle.of(conmonPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Completes when conmon has ended (it writes the last of the log before it does); at once when it is gone. */
    public CompletableFuture<?> monitorEnded() {
        return conmonPid <= 0 ? CompletableFuture.completedFuture(null)
                : ProcessHandle.of(conmonPid).map(ProcessHandle::onExit)
                        .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** The exit code once the container has exited: from the exit dir, else from the persisted copy. */
    public OptionalInt exitCode() {
        OptionalInt code = ExitFiles.read(layout.exitFile());
        return code.isPresent() ? code : ExitFiles.read(layout.persistedExitFile());
    }

    /** Completes with the exit code when the container exits (immediately if it already has). */
    public CompletableFuture<Integer> onExit() {
        return ExitFiles.await(layout.exitFile(), layout.persistedExitFile());
    }

    /** Connects to the attach socket (only while conmon runs). */
    public AttachConnection attach() throws IOException {
        return AttachConnection.connect(layout.attachSocket());
    }

    /** Resizes the TTY (only for containers created with a terminal). */
    public void resize(int height, int width) {
        ConsoleControl.resize(layout.ctlFifo(), height, width);
    }

    /** A reader of this container's log. */
    public LogReader logs() {
        return new LogReader(layout.logFile());
    }

    static OptionalLong readPid(Path file) throws IOException {
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        String text = Files.readString(file).strip();
        try {
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IOException("not a pid in " + file + ": " + text, e);
        }
    }
}
