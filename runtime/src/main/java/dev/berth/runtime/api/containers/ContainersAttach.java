package dev.berth.runtime.api.containers;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.http.Hijacked;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.lifecycle.AttachBroker;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.monitor.LogQuery;
import dev.berth.runtime.container.monitor.LogReader;
import dev.berth.runtime.container.monitor.AttachConnection;
import dev.berth.runtime.container.monitor.MonitoredContainer;
import dev.berth.runtime.errors.ConflictException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

/**
 * {@code POST /containers/{id}/attach}: hijacks the connection and joins the container's stdio through
 * conmon's attach socket — at once if it runs, or at its next start (docker run attaches first, then starts).
 */
final class ContainersAttach implements Handler {
    private static final java.time.Duration MONITOR_DONE_WAIT = java.time.Duration.ofSeconds(2);
    private final ContainerServices containers;

    ContainersAttach(ContainerServices containers) {
        this.containers = containers;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws Exception {
        Container c = containers.store().resolve(req.pathParam("id"));
        if (c.state().isPaused()) {
            throw new ConflictException("You cannot attach to a paused container, unpause it first");
        }
        boolean wantStdin = req.queryBool("stdin", false) && c.configView().openStdin();
        boolean wantStdout = req.queryBool("stdout", false);
        boolean wantStderr = req.queryBool("stderr", false);
        boolean tty = c.configView().tty();
        byte[] detachKeys = DetachKeys.parse(req.query("detachKeys"));
        // logs=1 replays what the container wrote so far; stream=0 stops there (docker-py's attach(logs=True,
        // stream=False) on an exited container), as dockerd does.
        boolean logs = req.queryBool("logs", false);
        boolean live = req.queryBool("stream", false);
        AttachBroker.Pending pending = c.state().isRunning() || !live ? null : containers.attach().await(c.id());
        boolean multiplexed = !tty && req.version().atLeast("1.42");
        try (Hijacked stream = res.hijack(
                multiplexed ? "application/vnd.docker.multiplexed-stream" : "application/vnd.docker.raw-stream")) {
            if (logs) {
                replayLogs(c, new StreamFraming(stream.out(), !tty), wantStdout, wantStderr);
            }
            if (!live) {
                return;
            }
            AttachConnection conn;
            try {
                conn = pending != null ? pending.connection().get()
                        : MonitoredContainer.reattach(containers.runner().layout(c.id())).attach();
            } catch (ExecutionException e) {
                return; // the start failed; the client learns why from start's answer
            }
            StreamFraming out = new StreamFraming(stream.out(), !tty);
            try (conn) {
                if (wantStdin) {
                    Thread.ofVirtual().name("attach-stdin-" + c.shortId())
                            .start(() -> pumpStdin(stream, conn, detachKeys, c));
                }
                out.copyFrom(conn, wantStdout, wantStderr);
            }
        } finally {
            if (pending != null) {
                containers.attach().cancel(c.id(), pending);
            }
        }
    }

    /**
     * A container that has just exited may still have its monitor writing the last lines of its log: the replay of an
     * exited container waits (2 s at most) for the monitor to end, so "echo; exit" replays its echo.
     */
    private void awaitMonitorDone(Container c) {
        try {
            MonitoredContainer.reattach(containers.runner().layout(c.id())).monitorEnded()
                    .get(MONITOR_DONE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.io.IOException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            // no monitor record (removed, or never started), or one that lingers: the log is what it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void replayLogs(Container c, StreamFraming out, boolean stdout, boolean stderr) {
        if (!stdout && !stderr) {
            return;
        }
        if (!c.state().isRunning()) {
            awaitMonitorDone(c);
        }
        LogReader reader = new LogReader(() -> containers.logs().segments(c));
        try {
            reader.read(new LogQuery(stdout, stderr, null, null, -1, false), line -> {
                try {
                    out.write(line.stream(), line.data());
                    return true;
                } catch (IOException e) {
                    return false; // the client went away
                }
            });
            out.flush();
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Client keystrokes to the container; the detach sequence ends the attach but leaves the container running. */
    private static void pumpStdin(Hijacked stream, AttachConnection conn, byte[] detachKeys, Container c) {
        try {
            if (DetachingCopy.copy(stream.in(), conn::write, detachKeys)) {
                conn.close();
                stream.close();
            } else if (c.configView().stdinOnce()) {
                conn.closeStdin();
            }
        } catch (IOException e) {
            // client went away
        }
    }
}
