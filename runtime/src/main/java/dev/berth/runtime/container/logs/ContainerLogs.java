package dev.berth.runtime.container.logs;

import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.events.Event;
import dev.berth.runtime.events.EventBus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The engine's container logs: which files make up a container's log (docker's max-file) and keeping them
 * rotated while containers run. Readers ask {@link #segments} for the files oldest first.
 */
public final class ContainerLogs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ContainerLogs.class.getName());

    private final Function<String, Path> logFileOf;
    private final LogRotation rotation = new LogRotation();
    private final RotationWatcher watcher = new RotationWatcher(rotation);
    private volatile boolean closed;

    /** {@code logFileOf} maps a container id to the file conmon writes its log to. */
    public ContainerLogs(Function<String, Path> logFileOf) {
        this.logFileOf = logFileOf;
    }

    public LogFiles files(Container c) {
        return new LogFiles(logFileOf.apply(c.id()), c.hostConfigView().logMaxFiles());
    }

    /** The container's log files oldest first, after settling a rotation conmon did since the last look. */
    public List<Path> segments(Container c) {
        LogFiles files = files(c);
        try {
            rotation.settle(files);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "log rotation bookkeeping failed: {0}", e.getMessage());
        }
        return files.oldestFirst();
    }

    /**
     * Watches the logs of running containers, and of each container that starts from now on, until it stops.
     * Call once, after the engine re-attached to the containers that outlived it.
     */
    public void watch(ContainerStore store, EventBus events) {
        EventBus.Subscription subscription = events.subscribe(0);
        for (Container c : store.list()) {
            if (c.state().isRunning()) {
                watcher.track(files(c));
            }
        }
        Thread.ofVirtual().name("log-rotation-events").start(() -> {
            try (subscription) {
                while (!closed) {
                    Event e = subscription.poll(1, TimeUnit.SECONDS);
                    if (e != null && e.type().equals("container")) {
                        onEvent(store, e);
                    }
                }
            } catch (InterruptedException ignored) {
                // engine stopping
            }
        });
    }

    private void onEvent(ContainerStore store, Event e) {
        switch (e.action()) {
            case "start" -> store.byId(e.actorId()).ifPresent(c -> watcher.track(files(c)));
            case "die", "destroy" -> {
                Path file = logFileOf.apply(e.actorId());
                // max-file does not matter for untracking; 2 keeps the type's invariant.
                watcher.untrack(new LogFiles(file, 2));
                if (e.action().equals("destroy")) {
                    rotation.forget(new LogFiles(file, 2));
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the log watch: {0}", e.getMessage());
        }
    }
}
