package dev.berth.runtime.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.api.http.ApiServer;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.api.http.ServerIdentity;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.events.EventBus;
import dev.berth.testkit.HttpConnection;
import dev.berth.testkit.HttpResult;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /events} in-process: history with since/until, filters, and live delivery. */
class EventsRouteIT {
    private static Path dir;
    private static Path socket;
    private static ApiServer server;
    private static final EventBus BUS = new EventBus();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "events-it-");
        socket = dir.resolve("api.sock");
        Router r = new Router();
        DaemonSettings settings = new DaemonSettings("id", dir, false, List.of(), List.of(), List.of());
        new SystemRoutes(null, settings, BUS, Clock.systemUTC()).register(r);
        server = new ApiServer(r, new ServerIdentity("Berth", "test"));
        server.listen(socket);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }

    private static List<JsonNode> lines(HttpResult r) throws IOException {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : r.text().split("\n")) {
            if (!line.isBlank()) {
                out.add(Json.MAPPER.readTree(line));
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void historyBetweenSinceAndUntilWithFilters() throws Exception {
        // Other tests publish on the same bus: start the window just after them, with nanosecond precision.
        Thread.sleep(5);
        long nowMillis = System.currentTimeMillis();
        String before = (nowMillis / 1000) + "." + String.format("%09d", (nowMillis % 1000) * 1_000_000);
        BUS.publish("container", "start", "c1", Map.of("name", "web", "image", "busybox", "tier", "front"));
        BUS.publish("image", "pull", "busybox:latest", Map.of("name", "busybox:latest"));
        BUS.publish("container", "die", "c1", Map.of("name", "web", "image", "busybox", "exitCode", "0"));
        long after = System.currentTimeMillis() / 1000 + 1;
        try (HttpConnection c = new HttpConnection(socket)) {
            HttpResult all = c.exchange("GET", "/v1.44/events?since=" + before + "&until=" + after, Map.of(), null);
            assertEquals(200, all.status(), all::toString);
            List<JsonNode> events = lines(all);
            assertEquals(List.of("start", "pull", "die"), events.stream().map(e -> e.get("Action").asText()).toList());
            JsonNode die = events.get(2);
            assertEquals("container", die.get("Type").asText());
            assertEquals("c1", die.get("Actor").get("ID").asText());
            assertEquals("0", die.get("Actor").get("Attributes").get("exitCode").asText());
            assertEquals("die", die.get("status").asText());
            assertEquals("busybox", die.get("from").asText());
            assertEquals("local", die.get("scope").asText());
            assertEquals(die.get("timeNano").asLong() / 1_000_000_000L, die.get("time").asLong());

            String filters = enc("{\"type\":{\"container\":true},\"label\":[\"tier=front\"]}");
            List<JsonNode> filtered = lines(c.exchange("GET", "/events?since=" + before + "&until=" + after
                    + "&filters=" + filters, Map.of(), null));
            assertEquals(1, filtered.size());
            assertEquals("start", filtered.getFirst().get("Action").asText());
        }
    }

    @Test
    void liveEventsArriveWhileTheStreamIsOpen() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), EventsRouteIT::receiveLiveEvent);
    }

    private static void receiveLiveEvent() throws IOException {
        try (HttpConnection c = new HttpConnection(socket)) {
            c.sendHead("GET", "/events?filters=" + enc("{\"type\":[\"volume\"]}"), Map.of(), null, false);
            HttpResult head = c.readResponseHead();
            assertEquals(200, head.status());
            BUS.publish("network", "create", "n1", Map.of("name", "net"));
            BUS.publish("volume", "create", "v1", Map.of("driver", "local"));
            // Chunk header line, then the JSON line of the only event that passes the filter.
            String size = readLine(c);
            assertTrue(Integer.parseInt(size.trim(), 16) > 0);
            JsonNode event = Json.MAPPER.readTree(readLine(c));
            assertEquals("volume", event.get("Type").asText());
            assertEquals("v1", event.get("Actor").get("ID").asText());
        }
    }

    @Test
    void sinceAfterUntilIsRejected() throws IOException {
        try (HttpConnection c = new HttpConnection(socket)) {
            HttpResult r = c.exchange("GET", "/events?since=200&until=100", Map.of(), null);
            assertEquals(400, r.status());
            assertTrue(r.json().get("message").asText().contains("cannot be after"), r::toString);
        }
    }

    private static String readLine(HttpConnection c) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = c.in().read()) >= 0 && b != '\n') {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }
}
