package dev.berth.app.containers;

import dev.berth.app.engine.ContainerStats;
import dev.berth.app.engine.Engine;
import dev.berth.app.support.Async;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Live CPU and memory for the containers a person can see: one stats stream per running container in view, opened
 * when its row scrolls in and closed when it scrolls out, the page is left, or the container stops. Samples arrive
 * on the streams' threads and reach the table through {@link Async#ui()}, batched per pulse. Call on the UI thread.
 */
final class StatsFeeds {
    /** Streams open at most; a window rarely shows more rows, and each stream is one connection to the engine. */
    static final int MAX_STREAMS = 40;

    private final Supplier<Engine> engine;
    private final Async async;
    private final Map<String, ReadOnlyObjectWrapper<ContainerStats>> latest = new HashMap<>();
    private final Map<String, Engine.Subscription> open = new HashMap<>();
    private Engine openOn;
    private long generation;

    StatsFeeds(Supplier<Engine> engine, Async async) {
        this.engine = engine;
        this.async = async;
    }

    /** The latest sample of {@code id} (null until one arrives); the table's cells follow it. */
    ReadOnlyObjectProperty<ContainerStats> of(String id) {
        return latest.computeIfAbsent(id, k -> new ReadOnlyObjectWrapper<>()).getReadOnlyProperty();
    }

    /** The containers followed now. */
    Set<String> followed() {
        return Set.copyOf(open.keySet());
    }

    /** Follows exactly {@code ids} (at most {@link #MAX_STREAMS}); closes the streams of everything else. */
    void follow(Collection<String> ids) {
        Engine current;
        try {
            current = engine.get();
        } catch (RuntimeException noEngine) {
            current = null;
        }
        if (current != openOn) {
            // Another engine: the old streams belong to a closed client.
            closeAll();
            openOn = current;
        }
        Set<String> wanted = new HashSet<>();
        for (String id : ids) {
            if (wanted.size() < MAX_STREAMS && current != null) {
                wanted.add(id);
            }
        }
        for (String id : Set.copyOf(open.keySet())) {
            if (!wanted.contains(id)) {
                close(id);
            }
        }
        for (String id : wanted) {
            if (!open.containsKey(id)) {
                subscribe(current, id);
            }
        }
    }

    private void subscribe(Engine e, String id) {
        long gen = generation;
        var wrapper = latest.computeIfAbsent(id, k -> new ReadOnlyObjectWrapper<>());
        // A placeholder until the engine answers, so a second follow() does not open a second stream.
        Pending pending = new Pending();
        open.put(id, pending);
        async.background().execute(() -> {
            Engine.Subscription sub;
            try {
                sub = e.stats(id, sample -> async.ui().execute(() -> {
                    if (open.containsKey(id)) {
                        wrapper.set(
                                new ContainerStats(sample.cpuPercent(), sample.memoryUsage(), sample.memoryLimit()));
                    }
                }), end -> async.ui().execute(() -> {
                    if (open.get(id) != null && gen == generation) {
                        open.remove(id);
                    }
                }));
            } catch (RuntimeException failed) {
                async.ui().execute(() -> open.remove(id, pending));
                return;
            }
            async.ui().execute(() -> {
                if (open.get(id) == pending && gen == generation) {
                    open.put(id, sub);
                } else {
                    async.background().execute(sub::close);
                }
            });
        });
    }

    private void close(String id) {
        Engine.Subscription s = open.remove(id);
        if (s != null && !(s instanceof Pending)) {
            async.background().execute(s::close);
        }
        ReadOnlyObjectWrapper<ContainerStats> w = latest.get(id);
        if (w != null) {
            w.set(null);
        }
    }

    /** Closes every stream and forgets every sample. */
    void closeAll() {
        generation++;
        for (String id : Set.copyOf(open.keySet())) {
            close(id);
        }
    }

    /** Drops samples of containers that are gone. */
    void retainOnly(Set<String> existing) {
        latest.keySet().removeIf(id -> !existing.contains(id) && !open.containsKey(id));
    }

    /** Stands in for a stream that is still being opened. */
    private static final class Pending implements Engine.Subscription {
        @Override
        public void close() {
            // Nothing opened yet; subscribe() closes the real stream when it arrives.
        }
    }
}
