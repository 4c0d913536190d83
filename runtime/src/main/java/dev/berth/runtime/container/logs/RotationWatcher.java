package dev.berth.runtime.container.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Notices conmon's log rotations while containers run: one inotify watch (a JDK {@link WatchService}) on the
 * directory of each tracked log, for the rename that creates a new {@code container.log}, so the finished file
 * is kept within about a millisecond; and a stat of every tracked log each second, as a safety net for missed
 * or overflowed events. Only logs that keep rotated files are tracked.
 */
public final class RotationWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RotationWatcher.class.getName());
    private static final long SWEEP_SECONDS = 1;

    private final LogRotation rotation;
    private final WatchService watcher;
    private final Map<Path, Tracked> byDir = new ConcurrentHashMap<>();

    /** A watched log and its watch. */
    private record Tracked(LogFiles files, WatchKey key) {}

    public RotationWatcher(LogRotation rotation) {
        this.rotation = rotation;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("log-rotation").start(this::loop);
    }

    /** Starts watching {@code files} (again: a no-op); settles at once, for a rotation while nobody watched. */
    public void track(LogFiles files) {
        if (!files.keepsRotated()) {
            return;
        }
        Path dir = files.current().getParent();
        try {
            WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            byDir.put(dir, new Tracked(files, key));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch {0} for rotations: {1}", dir, e.getMessage());
            byDir.put(dir, new Tracked(files, null)); // the sweep still sees it
        }
        settleQuietly(files);
    }

    /** Stops watching (the container stopped or is gone) after a last look. */
    public void untrack(LogFiles files) {
        Tracked t = byDir.remove(files.current().getParent());
        if (t != null) {
            if (t.key() != null) {
                t.key().cancel();
            }
            settleQuietly(t.files());
        }
    }

    /** How many logs are watched (for tests and diagnostics). */
    public int tracked() {
        return byDir.size();
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.poll(SWEEP_SECONDS, TimeUnit.SECONDS);
                if (key == null) {
                    byDir.values().forEach(t -> settleQuietly(t.files()));
                    continue;
                }
                Tracked t = key.watchable() instanceof Path dir ? byDir.get(dir) : null;
                for (WatchEvent<?> event : key.pollEvents()) {
                    boolean ours = t != null && (event.kind() == StandardWatchEventKinds.OVERFLOW
                            || t.files().current().getFileName().equals(event.context()));
                    if (ours) {
                        settleQuietly(t.files());
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed with the engine
        }
    }

    private void settleQuietly(LogFiles files) {
        try {
            rotation.settle(files);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "log rotation bookkeeping failed: {0}", e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
