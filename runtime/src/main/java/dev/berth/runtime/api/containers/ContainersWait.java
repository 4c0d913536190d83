package dev.berth.runtime.api.containers;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.lifecycle.Waiters;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /containers/{id}/wait}: answers 200 at once and flushes (the CLI registers the wait before it
 * starts the container, even for -d), then blocks until the condition holds and writes the status, or until the
 * client goes away.
 */
final class ContainersWait implements Handler {
    private final ContainerServices containers;

    ContainersWait(ContainerServices containers) {
        this.containers = containers;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws Exception {
        CompletableFuture<Waiters.Outcome> outcome = containers.lifecycle().waitFor(req.pathParam("id"),
                req.query("condition"));
        // docker run -d registers a wait and leaves without reading it: the wait ends with its client, not with the
        // container (which may run for weeks, each such wait holding a request open and delaying berthd's stop).
        res.onClientGone(() -> outcome.cancel(false));
        try (OutputStream out = res.stream(200, "application/json")) {
            out.flush();
            Waiters.Outcome o;
            try {
                o = outcome.get();
            } catch (java.util.concurrent.CancellationException clientGone) {
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("StatusCode", o.exitCode());
            body.put("Error", o.error() == null ? null : Map.of("Message", o.error()));
            out.write(Json.MAPPER.writeValueAsBytes(body));
            out.write("\n".getBytes(StandardCharsets.UTF_8));
        } finally {
            outcome.cancel(false);
        }
    }
}
