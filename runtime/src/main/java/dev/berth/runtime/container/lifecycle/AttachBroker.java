package dev.berth.runtime.container.lifecycle;

import dev.berth.runtime.container.monitor.AttachConnection;
import dev.berth.runtime.container.monitor.MonitoredContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Lets clients attach before a container starts ({@code docker run} attaches, then starts) without losing a
 * byte: start creates the container under conmon, hands it to every waiting client here, waits until they
 * are connected to conmon's attach socket, and only then lets the process run.
 */
public final class AttachBroker {
    private static final long CONNECT_WAIT_MS = 5000;

    /** A client waiting for the next start of a container. */
    public static final class Pending {
        private final CompletableFuture<AttachConnection> connection = new CompletableFuture<>();

        /** Completes with the connection once the container is created (or fails if the start failed). */
        public CompletableFuture<AttachConnection> connection() {
            return connection;
        }
    }

    private final Map<String, List<Pending>> pending = new ConcurrentHashMap<>();

    /** Registers a client that wants to be attached when container {@code id} next starts. */
    public Pending await(String id) {
        Pending p = new Pending();
        pending.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(p);
        return p;
    }

    /** Drops a waiting client (it went away). */
    public void cancel(String id, Pending p) {
        List<Pending> list = pending.get(id);
        if (list != null) {
            list.remove(p);
        }
    }

    /** Called between create and start: connects every waiting client to the container's attach socket. */
    void created(String id, MonitoredContainer container) {
        List<Pending> waiting = pending.remove(id);
        if (waiting == null) {
            return;
        }
        List<CompletableFuture<AttachConnection>> done = new ArrayList<>();
        for (Pending p : waiting) {
            try {
                p.connection.complete(container.attach());
            } catch (IOException e) {
                p.connection.completeExceptionally(e);
            }
            done.add(p.connection);
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(CONNECT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // A client that failed to connect just misses output; the container still starts.
        }
    }

    /** Called when a start failed: waiting clients learn why. */
    void failed(String id, RuntimeException error) {
        List<Pending> waiting = pending.remove(id);
        if (waiting != null) {
            waiting.forEach(p -> p.connection.completeExceptionally(error));
        }
    }
}
