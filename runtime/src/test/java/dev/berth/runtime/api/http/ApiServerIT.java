package dev.berth.runtime.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.errors.NotModifiedException;
import dev.berth.testkit.HttpConnection;
import dev.berth.testkit.HttpResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server machinery in-process on a temp socket: error mapping, request accessors, streams. */
class ApiServerIT {
    /** A small JSON body for bodyJson. */
    public record Greeting(String name) {}

    private static Path dir;
    private static Path socket;
    private static ApiServer server;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "api-it-");
        socket = dir.resolve("api.sock");
        Router r = new Router();
        r.add("GET", "/fail/notfound", (req, res) -> {
            throw new NotFoundException("No such container: x");
        });
        r.add("GET", "/fail/conflict", (req, res) -> {
            throw new ConflictException("name in use");
        });
        r.add("GET", "/fail/notmodified", (req, res) -> {
            throw new NotModifiedException("already started");
        });
        r.add("GET", "/fail/bug", (req, res) -> {
            throw new IllegalStateException("internal detail");
        });
        r.add("GET", "/fail/midstream", (req, res) -> {
            OutputStream out = res.stream(200, "text/plain");
            out.write("partial".getBytes());
            out.flush();
            throw new IllegalStateException("broke while streaming");
        });
        r.add("GET", "/query/{id}", (req, res) -> res.json(200, Map.of(
                "id", req.pathParam("id"),
                "all", req.queryBool("all", false),
                "n", String.valueOf(req.queryInt("n")),
                "tags", req.queryAll("t"),
                "version", req.version().toString())));
        r.add("POST", "/hello", (req, res) -> {
            Greeting g = req.bodyJson(Greeting.class);
            res.json(201, Map.of("hello", g == null ? "nobody" : g.name()));
        });
        r.add("GET", "/lines", (req, res) -> {
            try (JsonStream s = res.jsonStream(200)) {
                s.write(Map.of("status", "one"));
                s.write(Map.of("status", "two"));
            }
        });
        r.add("DELETE", "/nothing", (req, res) -> res.status(204));
        server = new ApiServer(r, new ServerIdentity("Berth", "test"));
        server.listen(socket);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }

    private static HttpResult get(String path) throws IOException {
        try (HttpConnection c = new HttpConnection(socket)) {
            return c.exchange("GET", path, Map.of(), null);
        }
    }

    @Test
    void engineErrorsBecomeDockerErrorJson() throws IOException {
        HttpResult nf = get("/v1.44/fail/notfound");
        assertEquals(404, nf.status());
        assertEquals("No such container: x", nf.json().get("message").asText());
        assertEquals(409, get("/fail/conflict").status());
        HttpResult nm = get("/fail/notmodified");
        assertEquals(304, nm.status());
        assertEquals(0, nm.body().length);
    }

    @Test
    void unexpectedErrorsAre500WithTheMessageOnly() throws IOException {
        HttpResult r = get("/fail/bug");
        assertEquals(500, r.status());
        assertEquals("internal detail", r.json().get("message").asText());
        assertFalse(r.text().contains("at dev.berth"), "no stack trace on the wire");
    }

    @Test
    void anErrorAfterCommittingClosesTheConnection() throws IOException {
        try (HttpConnection c = new HttpConnection(socket)) {
            // The chunked body never gets its terminating chunk: the client sees the cut.
            assertThrows(IOException.class, () -> c.exchange("GET", "/fail/midstream", Map.of(), null));
        }
    }

    @Test
    void wrongMethodIs405AndUnknownIs404() throws IOException {
        try (HttpConnection c = new HttpConnection(socket)) {
            HttpResult r = c.exchange("POST", "/lines", Map.of(), null);
            assertEquals(405, r.status());
            assertEquals("GET", r.header("allow"));
            assertEquals(404, c.exchange("GET", "/v1.30/nope", Map.of(), null).status());
        }
    }

    @Test
    void tooNewVersionIs400() throws IOException {
        HttpResult r = get("/v1.99/lines");
        assertEquals(400, r.status());
        assertTrue(r.json().get("message").asText().contains("too new"));
    }

    @Test
    void queryAccessors() throws IOException {
        HttpResult r = get("/v1.40/query/abc?all=1&n=7&t=a&t=b");
        assertEquals("abc", r.json().get("id").asText());
        assertTrue(r.json().get("all").asBoolean());
        assertEquals("7", r.json().get("n").asText());
        assertEquals(2, r.json().get("tags").size());
        assertEquals("1.40", r.json().get("version").asText());
        assertEquals(400, get("/query/abc?n=seven").status());
        assertEquals("false", get("/query/abc?all=0").json().get("all").asText());
    }

    @Test
    void jsonBodies() throws IOException {
        try (HttpConnection c = new HttpConnection(socket)) {
            assertEquals("ann", c.exchange("POST", "/hello", Map.of(), "{\"name\":\"ann\"}".getBytes()).json()
                    .get("hello").asText());
            assertEquals("nobody", c.exchange("POST", "/hello", Map.of(), null).json().get("hello").asText());
            HttpResult bad = c.exchange("POST", "/hello", Map.of(), "{nope".getBytes());
            assertEquals(400, bad.status());
        }
    }

    @Test
    void jsonStreamWritesOneObjectPerLine() throws IOException {
        HttpResult r = get("/lines");
        assertEquals("{\"status\":\"one\"}\n{\"status\":\"two\"}\n", r.text());
        assertEquals("Berth/test (linux)", r.header("server"));
        assertEquals("false", r.header("docker-experimental"));
    }

    @Test
    void noContentHasNoBody() throws IOException {
        try (HttpConnection c = new HttpConnection(socket)) {
            assertEquals(204, c.exchange("DELETE", "/nothing", Map.of(), null).status());
            assertEquals(200, c.exchange("GET", "/lines", Map.of(), null).status(), "connection reusable after 204");
        }
    }
}
