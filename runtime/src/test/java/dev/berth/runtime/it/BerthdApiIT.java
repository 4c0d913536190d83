package dev.berth.runtime.it;

import dev.berth.testkit.HttpConnection;
import dev.berth.testkit.HttpResult;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** berthd's API machinery and system routes, driven by the real docker CLI and by raw HTTP. */
class BerthdApiIT {
    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withRoutes(EchoRoutes.class);

    @Test
    void dockerVersionShowsBerthAndNegotiatesTheApiVersion() {
        CommandResult r = berthd.docker("version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("Server: Berth"), r::toString);
        assertTrue(r.stdout().contains("(minimum version 1.24)"), r::toString);
        CommandResult v = berthd.docker("version", "--format", "{{.Server.APIVersion}} {{.Client.APIVersion}}");
        assertEquals(0, v.exitCode(), v::toString);
        String[] versions = v.stdout().trim().split(" ");
        assertEquals("1.51", versions[0]);
        // The CLI negotiated down to min(its own, ours) and used it as the path prefix.
        assertTrue(berthd.log().contains("/v" + versions[1] + "/version"), berthd::log);
    }

    @Test
    void dockerInfoShowsTheDataRoot() {
        CommandResult r = berthd.docker("info");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("Docker Root Dir: " + berthd.dataRoot()), r::toString);
        assertTrue(r.stdout().contains("OSType: linux"), r::toString);
        CommandResult f = berthd.docker("info", "--format", "{{.Swarm.LocalNodeState}} {{.NCPU}}");
        assertEquals("inactive " + Runtime.getRuntime().availableProcessors(), f.stdout().trim(), f::toString);
    }

    @Test
    void eventsWithUntilTerminates() {
        long start = System.nanoTime();
        CommandResult r = berthd.docker("system", "events", "--since", "1s", "--until", "0s");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "events with --until must end");
    }

    @Test
    void unknownEndpointIs404Json() {
        HttpResult r = berthd.http("GET", "/v1.44/no/such/thing");
        assertEquals(404, r.status(), r::toString);
        assertEquals("page not found", r.json().get("message").asText());
        assertEquals("application/json", r.header("content-type"));
        assertEquals("linux", r.header("ostype"));
    }

    @Test
    void tooOldApiVersionIs400() {
        HttpResult r = berthd.http("GET", "/v1.12/_ping");
        assertEquals(400, r.status(), r::toString);
        assertTrue(r.json().get("message").asText().startsWith("client version 1.12 is too old"), r::toString);
    }

    @Test
    void pingAnswersWithAndWithoutPrefixAndHead() {
        HttpResult plain = berthd.http("GET", "/_ping");
        assertEquals("OK", plain.text());
        assertEquals("1.51", plain.header("api-version"));
        assertEquals("inactive", plain.header("swarm"));
        assertEquals("OK", berthd.http("GET", "/v1.44/_ping").text());
        HttpResult head = berthd.http("HEAD", "/_ping");
        assertEquals(200, head.status());
        assertTrue(head.header("server").startsWith("Berth/"), head::toString);
    }

    @Test
    void keepAliveServesTwoRequestsOnOneConnection() throws IOException {
        try (HttpConnection c = berthd.connect()) {
            HttpResult first = c.exchange("GET", "/_ping", Map.of(), null);
            HttpResult second = c.exchange("GET", "/v1.44/version", Map.of(), null);
            assertEquals(200, first.status());
            assertEquals(200, second.status());
            assertEquals("1.51", second.json().get("ApiVersion").asText());
            assertNull(second.header("connection"));
        }
    }

    @Test
    void chunkedRequestBodyStreamsThroughWithBackpressure() throws IOException {
        // 8 MiB is well past the server's 1 MiB inbound high-water mark, so reading is paused and resumed.
        byte[] data = new byte[8 << 20];
        new Random(42).nextBytes(data);
        List<byte[]> chunks = new ArrayList<>();
        for (int off = 0; off < data.length; off += 65536) {
            chunks.add(java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + 65536)));
        }
        try (HttpConnection c = berthd.connect()) {
            HttpResult r = c.exchangeChunked("POST", "/v1.51/test/echo", Map.of("Content-Type", "application/x-tar"),
                    chunks);
            assertEquals(200, r.status());
            assertEquals("chunked", r.header("transfer-encoding"));
            assertArrayEquals(data, r.body());
            // The connection is still usable after a streamed exchange.
            HttpResult sized = c.exchange("POST", "/test/echo", Map.of(),
                    "sized body".getBytes(StandardCharsets.UTF_8));
            assertEquals("sized body", sized.text());
        }
    }

    @Test
    void hijackedRouteEchoesRawBytesBothWays() throws IOException {
        try (HttpConnection c = berthd.connect()) {
            c.sendHead("POST", "/v1.51/test/hijack", Map.of("Connection", "Upgrade", "Upgrade", "tcp"), null, false);
            HttpResult head = c.readResponseHead();
            assertEquals(101, head.status(), head::toString);
            assertEquals("UPGRADED", head.reason());
            assertEquals("application/vnd.docker.raw-stream", head.header("content-type"));
            assertEquals("Upgrade", head.header("connection"));
            assertEquals("tcp", head.header("upgrade"));
            assertNull(head.header("content-length"));
            assertNull(head.header("transfer-encoding"));
            for (String msg : List.of("hello\n", "raw bytes \u0000\u0001 both ways\n")) {
                byte[] bytes = msg.getBytes(StandardCharsets.UTF_8);
                c.out().write(bytes);
                assertArrayEquals(bytes, c.in().readNBytes(bytes.length));
            }
            c.shutdownOutput();
            assertEquals("bye\n", new String(c.in().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void eventsStreamEndsPromptlyWhenTheClientGoes() throws Exception {
        HttpConnection c = berthd.connect();
        c.sendHead("GET", "/v1.51/events?filters=" + java.net.URLEncoder.encode("{\"type\":[\"container\"]}",
                StandardCharsets.UTF_8), Map.of(), null, false);
        HttpResult head = c.readResponseHead();
        assertEquals(200, head.status());
        assertEquals("application/json", head.header("content-type"));
        c.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!berthd.log().contains("GET /v1.51/events?filters") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(berthd.log().contains("GET /v1.51/events?filters"),
                "the events handler must end when the client goes");
    }

    @Test
    void badFiltersAre400() {
        HttpResult r = berthd.http("GET", "/events?until=0&filters=%7B%22nope%22%3A%5B%22x%22%5D%7D");
        assertEquals(400, r.status(), r::toString);
        assertEquals("invalid filter 'nope'", r.json().get("message").asText());
    }
}
