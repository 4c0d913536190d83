package dev.berth.runtime.container.monitor;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Learns of container exits the moment conmon writes their exit files, with one inotify watch (a JDK
 * {@link WatchService}) on the shared exits directory instead of a polling loop per container: polling every
 * 100 ms put 50 ms on average onto every {@code docker run}. A slow sweep stays as a safety net for missed or
 * overflowed events; the persisted copy of the exit code is checked when a watch starts (after a reboot the
 * exits directory, on tmpfs, is empty).
 */
final class ExitWatcher implements AutoCloseable {
    private static final long SWEEP_SECONDS = 2;

    private final Path dir;
    private final WatchService watcher;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * One awaited exit: the code lands in {@code result}; {@code fallback} is conmon's --persist-dir copy;
     * {@code monitorAlive} says whether conmon still runs (one that died without an exit file never writes it).
     */
    private record Pending(Path fallback, BooleanSupplier monitorAlive, CompletableFuture<Integer> result) {}

    ExitWatcher(Path dir) throws IOException {
        this.dir = dir;
        java.nio.file.Files.createDirectories(dir);
        this.watcher = FileSystems.getDefault().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        Thread.ofPlatform().daemon().name("exit-watcher").start(this::loop);
    }

    /**
     * Completes with the exit code in {@code dir/name} (or {@code fallback}) once it is written, at once if it is;
     * completes exceptionally when the monitor is found dead without having written one.
     */
    CompletableFuture<Integer> await(String name, Path fallback, BooleanSupplier monitorAlive) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Pending p = new Pending(fallback, monitorAlive, result);
        // Register before looking, so a file written in between is seen by the look or by the event.
        pending.put(name, p);
        result.whenComplete((code, error) -> pending.remove(name, p));
        check(name, p);
        return result;
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.poll(SWEEP_SECONDS, TimeUnit.SECONDS);
                if (key == null) {
                    pending.forEach(this::sweep);
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        pending.forEach(this::check);
                    } else if (event.context() instanceof Path name) {
                        Pending p = pending.get(name.toString());
                        if (p != null) {
                            check(name.toString(), p);
                        }
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            pending.values().forEach(p -> p.result().cancel(false));
        }
    }

    /**
     * The slow pass: besides a missed event, it catches a conmon that died without writing the exit file — as it
     * does when the container's log cannot be written because the disk is full — which would otherwise leave the
     * container "running" and every {@code docker wait} on it hanging.
     */
    private void sweep(String name, Pending p) {
        check(name, p);
        if (!p.result().isDone() && !p.monitorAlive().getAsBoolean()) {
            check(name, p); // it may have written the file just before it exited
            p.result().completeExceptionally(new IllegalStateException("the container's monitor (conmon) ended without "
                    + "reporting the exit code; if the data disk is full, it could not write the container's log"));
        }
    }

    private void check(String name, Pending p) {
        OptionalInt code = ExitFiles.read(dir.resolve(name));
        if (code.isEmpty() && p.fallback() != null) {
            code = ExitFiles.read(p.fallback());
        }
        if (code.isPresent()) {
            p.result().complete(code.getAsInt());
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
