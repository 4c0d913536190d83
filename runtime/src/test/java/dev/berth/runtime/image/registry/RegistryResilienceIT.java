package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.reference.ImageReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a real registry will not produce on demand, from a scripted HTTP server: 503 and 429 answers,
 * a 307 to a separate "storage" server, and a body cut short. Basic auth is on, to check that the registry's
 * Authorization never reaches the storage server.
 */
class RegistryResilienceIT {
    private static final String AUTH = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
    private static final byte[] LAYER = new byte[300_000];
    private static final Digest LAYER_DIGEST;
    private static final byte[] MANIFEST;
    private static final Digest MANIFEST_DIGEST;

    static {
        new Random(42).nextBytes(LAYER);
        LAYER_DIGEST = Digest.sha256(LAYER);
        MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"config\":{\"mediaType\":\""
                + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + LAYER_DIGEST + "\",\"size\":" + LAYER.length
                + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
        MANIFEST_DIGEST = Digest.sha256(MANIFEST);
    }

    @TempDir
    Path tmp;

    private HttpServer registry;
    private HttpServer storage;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> storageAuthorization = new CopyOnWriteArrayList<>();
    private final AtomicInteger storageRequests = new AtomicInteger();
    private RegistryClient client;

    @BeforeEach
    void start() throws IOException {
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        storage.createContext("/", this::serveStorage);
        storage.start();
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", this::serveRegistry);
        registry.start();
        client = new RegistryClient(new RegistryOptions(Set.of(), List.of(), 3, 3, Duration.ofSeconds(10)),
                java.time.Clock.systemUTC(), new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)));
    }

    @AfterEach
    void stop() {
        registry.stop(0);
        storage.stop(0);
    }

    private int hit(String path) {
        return hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    private int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    private void serveRegistry(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!AUTH.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"flaky\"");
                reply(exchange, 401,
                        "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
                return;
            }
            int n = hit(path);
            switch (path) {
                case "/v2/" -> reply(exchange, 200, "{}");
                case "/v2/flaky/manifests/v1" -> {
                    if (n <= 2) {
                        reply(exchange, 503, "");
                    } else {
                        exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
                        exchange.getResponseHeaders().add("Docker-Content-Digest", MANIFEST_DIGEST.toString());
                        reply(exchange, 200, MANIFEST);
                    }
                }
                case "/v2/flaky/manifests/limited" -> {
                    if (n == 1) {
                        exchange.getResponseHeaders().add("Retry-After", "0");
                        reply(exchange, 429, "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}");
                    } else {
                        exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
                        reply(exchange, 200, MANIFEST);
                    }
                }
                case "/v2/flaky/manifests/lying" -> {
                    exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
                    exchange.getResponseHeaders().add("Docker-Content-Digest", LAYER_DIGEST.toString());
                    reply(exchange, 200, MANIFEST);
                }
                case "/v2/flaky/manifests/down" -> reply(exchange, 500, "");
                case "/v2/flaky/manifests/missing" -> reply(exchange, 404,
                        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
                default -> {
                    if (path.equals("/v2/flaky/blobs/" + LAYER_DIGEST)) {
                        exchange.getResponseHeaders().add("Location",
                                "http://127.0.0.1:" + storage.getAddress().getPort() + "/cdn/blob?signature=abc");
                        reply(exchange, 307, "");
                    } else {
                        reply(exchange, 404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}");
                    }
                }
            }
        }
    }

    /** The first request gets half the body and a closed connection; later ones get it all. */
    private void serveStorage(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            storageAuthorization.add(authorization == null ? "" : authorization);
            int n = storageRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, LAYER.length);
            exchange.getResponseBody().write(LAYER, 0, n == 1 ? LAYER.length / 2 : LAYER.length);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        reply(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private RegistrySession session() {
        ImageReference ref = ImageReference.parse("127.0.0.1:" + registry.getAddress().getPort() + "/flaky");
        return client.session(ref, Credentials.basic("alice", "pw"), false);
    }

    @Test
    void retries5xxThenSucceeds() {
        ResolvedManifest resolved = session().resolve("v1", null);
        assertEquals(MANIFEST_DIGEST, resolved.manifestDigest());
        assertEquals(3, hits("/v2/flaky/manifests/v1"));
    }

    @Test
    void honoursTooManyRequests() {
        assertEquals(MANIFEST_DIGEST, session().resolve("limited", null).topDigest());
        assertEquals(2, hits("/v2/flaky/manifests/limited"));
    }

    @Test
    void givesUpOnPersistent5xxAndNeverRetries4xx() {
        EngineException down = assertThrows(EngineException.class, () -> session().resolve("down", null));
        assertTrue(down.getMessage().contains("unexpected status 500"), down.getMessage());
        assertEquals(4, hits("/v2/flaky/manifests/down"), "1 attempt + maxRetries 3");

        NotFoundException missing = assertThrows(NotFoundException.class, () -> session().resolve("missing", null));
        assertEquals("manifest for 127.0.0.1:" + registry.getAddress().getPort()
                + "/flaky:missing not found: manifest unknown: manifest unknown", missing.getMessage());
        assertEquals(1, hits("/v2/flaky/manifests/missing"));
    }

    @Test
    void rejectsAManifestThatDoesNotMatchTheAnnouncedDigest() {
        assertThrows(dev.berth.runtime.digest.DigestMismatchException.class, () -> session().resolve("lying", null));
    }

    @Test
    void followsRedirectsWithoutTheRegistryCredentialsAndRestartsCutDownloads() throws Exception {
        Descriptor layer = Descriptor.of(MediaTypes.OCI_LAYER, LAYER_DIGEST, LAYER.length);
        try (FileIngest ingest = new FileIngest(tmp, LAYER_DIGEST, LAYER.length)) {
            session().fetchBlob(layer, ingest, n -> {});
            assertEquals(LAYER_DIGEST, ingest.commit());
            assertArrayEquals(LAYER, ingest.bytes());
            assertEquals(1, ingest.resets, "the cut download was reset once");
        }
        assertEquals(2, storageRequests.get());
        assertEquals(List.of("", ""), storageAuthorization, "storage never sees the registry's Authorization");
        assertArrayEquals(LAYER, session().fetchBlobBytes(layer));
    }
}
