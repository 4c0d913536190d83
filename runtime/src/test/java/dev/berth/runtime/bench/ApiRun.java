package dev.berth.runtime.bench;

import dev.berth.testkit.HttpConnection;
import dev.berth.testkit.HttpResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code docker run --rm --network none IMG true} done straight on the Engine API, without the docker CLI:
 * create, wait for removal (on a second connection, as the CLI does), start, read the wait result. This is the
 * engine's own share of a run; the CLI adds its process start (~60 ms here) on top of it.
 */
final class ApiRun {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private ApiRun() {}

    /** Wall time of one run in nanoseconds. */
    static long once(Path socket, String image) throws Exception {
        long start = System.nanoTime();
        try (HttpConnection api = new HttpConnection(socket); HttpConnection waiter = new HttpConnection(socket)) {
            String body = "{\"Image\":\"" + image
                    + "\",\"Cmd\":[\"true\"],\"HostConfig\":{\"AutoRemove\":true,\"NetworkMode\":\"none\"}}";
            HttpResult created = api.exchange("POST", "/v1.41/containers/create", JSON,
                    body.getBytes(StandardCharsets.UTF_8));
            check(created, 201);
            String id = created.json().path("Id").asText();
            waiter.sendHead("POST", "/v1.41/containers/" + id + "/wait?condition=removed", Map.of(), 0L, false);
            check(api.exchange("POST", "/v1.41/containers/" + id + "/start", Map.of(), null), 204);
            HttpResult waited = waiter.readResponse(false);
            check(waited, 200);
            if (waited.json().path("StatusCode").asInt(-1) != 0) {
                throw new IllegalStateException("container exited with " + waited.text());
            }
        }
        return System.nanoTime() - start;
    }

    private static void check(HttpResult r, int expected) {
        if (r.status() != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + r);
        }
    }
}
