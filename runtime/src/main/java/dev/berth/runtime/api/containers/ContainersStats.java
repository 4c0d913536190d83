package dev.berth.runtime.api.containers;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.http.JsonStream;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.stats.ContainerStats;
import dev.berth.runtime.container.stats.StatsJson;
import dev.berth.runtime.container.stats.StatsSnapshot;
import dev.berth.runtime.container.store.ContainerStore;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /containers/{id}/stats}: with {@code stream} (the default) one object a second until the client
 * leaves or the container stops; without it one object — after a one-second second sample so CPU % can be
 * computed, unless {@code one-shot} asks for it at once. A stopped container gives one object of zeros.
 */
public final class ContainersStats implements Handler {
    private static final long INTERVAL_MS = 1000;

    private final ContainerStore store;
    private final ContainerStats stats;

    public ContainersStats(ContainerStore store, ContainerStats stats) {
        this.store = store;
        this.stats = stats;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws Exception {
        Container c = store.resolve(req.pathParam("id"));
        boolean stream = req.queryBool("stream", true);
        boolean oneShot = req.queryBool("one-shot", false);
        StatsSnapshot first = stats.snapshot(c);
        try (JsonStream out = res.jsonStream(200)) {
            if (first.read() == null) {
                out.write(StatsJson.render(c.id(), c.name(), first, null));
                return;
            }
            if (!stream) {
                if (oneShot) {
                    out.write(StatsJson.render(c.id(), c.name(), first, null));
                } else {
                    Thread.sleep(INTERVAL_MS);
                    out.write(StatsJson.render(c.id(), c.name(), current(c).orElse(first), first));
                }
                return;
            }
            streamUntilGone(c, first, out, res);
        }
    }

    private void streamUntilGone(Container c, StatsSnapshot first, JsonStream out, ApiResponse res)
            throws InterruptedException {
        StatsSnapshot pre = null;
        StatsSnapshot now = first;
        while (!res.clientGone()) {
            try {
                out.write(StatsJson.render(c.id(), c.name(), now, pre));
            } catch (IOException gone) {
                return;
            }
            Thread.sleep(INTERVAL_MS);
            Optional<StatsSnapshot> next = current(c);
            if (next.isEmpty()) {
                return;
            }
            pre = now;
            now = next.get();
        }
    }

    /** The next snapshot, empty once the container stopped or was removed. */
    private Optional<StatsSnapshot> current(Container c) {
        Optional<Container> latest = store.byId(c.id());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        StatsSnapshot s = stats.snapshot(latest.get());
        return s.read() == null ? Optional.empty() : Optional.of(s);
    }
}
