package dev.berth.runtime.container.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clients blocked in {@code POST /containers/{id}/wait}: each waits for the container's next exit or its
 * removal; the exit code is handed to all of them at once.
 */
public final class Waiters {
    /** What a waiter learns: the exit code and, if the run failed to start, why. */
    public record Outcome(int exitCode, String error) {}

    private final Map<String, List<CompletableFuture<Outcome>>> exits = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<Outcome>>> removals = new ConcurrentHashMap<>();

    public CompletableFuture<Outcome> nextExit(String id) {
        return register(exits, id);
    }

    public CompletableFuture<Outcome> removal(String id) {
        return register(removals, id);
    }

    public void exited(String id, Outcome outcome) {
        complete(exits, id, outcome);
    }

    public void removed(String id, Outcome outcome) {
        complete(exits, id, outcome);
        complete(removals, id, outcome);
    }

    private static CompletableFuture<Outcome> register(Map<String, List<CompletableFuture<Outcome>>> map, String id) {
        CompletableFuture<Outcome> f = new CompletableFuture<>();
        map.compute(id, (k, list) -> {
            List<CompletableFuture<Outcome>> l = list == null ? new ArrayList<>() : list;
            l.removeIf(CompletableFuture::isDone);
            l.add(f);
            return l;
        });
        return f;
    }

    private static void complete(Map<String, List<CompletableFuture<Outcome>>> map, String id, Outcome outcome) {
        List<CompletableFuture<Outcome>> list = map.remove(id);
        if (list != null) {
            list.forEach(f -> f.complete(outcome));
        }
    }
}
