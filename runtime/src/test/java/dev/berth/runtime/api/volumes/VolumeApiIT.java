package dev.berth.runtime.api.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.api.http.ApiServer;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.api.http.ServerIdentity;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.events.Event;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.volume.VolumeStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /volumes routes through the real API server on a unix socket, checked at the HTTP level. */
class VolumeApiIT {
    private static final Pattern RFC3339 = Pattern
            .compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");

    @TempDir
    Path dir;

    final EventBus events = new EventBus();
    final Map<String, List<String>> users = new HashMap<>();
    ApiServer server;
    UnixHttp http;

    @BeforeEach
    void start() throws IOException {
        Router router = new Router();
        new VolumeRoutes(new VolumeStore(dir.resolve("root"), events, n -> users.getOrDefault(n, List.of())))
                .register(router);
        server = new ApiServer(router, new ServerIdentity("Berth", "0.1.0"));
        Path socket = dir.resolve("api.sock");
        server.listen(socket);
        http = new UnixHttp(socket);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String filters(String json) {
        return "?filters=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private JsonNode json(UnixHttp.Response r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    private List<String> listNames(String query) throws IOException {
        UnixHttp.Response r = http.send("GET", "/volumes" + query, null);
        assertEquals(200, r.status(), r.body());
        JsonNode body = json(r);
        assertTrue(body.get("Warnings").isArray());
        List<String> names = new ArrayList<>();
        body.get("Volumes").forEach(v -> names.add(v.get("Name").asText()));
        return names;
    }

    @Test
    void createInspectListRemove() throws IOException {
        UnixHttp.Response created = http.send("POST", "/v1.44/volumes/create",
                "{\"Name\":\"web\",\"Driver\":\"local\",\"DriverOpts\":{},\"Labels\":{\"app\":\"web\"}}");
        assertEquals(201, created.status(), created.body());
        JsonNode v = json(created);
        assertEquals("web", v.get("Name").asText());
        assertEquals("local", v.get("Driver").asText());
        assertEquals("local", v.get("Scope").asText());
        assertEquals("web", v.get("Labels").get("app").asText());
        assertTrue(v.get("Options").isObject());
        assertTrue(v.get("Mountpoint").asText().endsWith("/volumes/web/_data"));
        assertTrue(RFC3339.matcher(v.get("CreatedAt").asText()).matches(), v.get("CreatedAt").asText());
        assertFalse(v.has("UsageData"));

        UnixHttp.Response again = http.send("POST", "/volumes/create", "{\"Name\":\"web\"}");
        assertEquals(201, again.status());
        assertEquals(v, json(again));

        UnixHttp.Response inspect = http.send("GET", "/v1.41/volumes/web", null);
        assertEquals(200, inspect.status());
        assertEquals(v, json(inspect));

        assertEquals(List.of("web"), listNames(""));
        assertEquals(List.of("web"), listNames(filters("{\"label\":{\"app=web\":true}}")));
        assertEquals(List.of(), listNames(filters("{\"label\":[\"app=db\"]}")));

        assertEquals(204, http.send("DELETE", "/volumes/web", null).status());
        UnixHttp.Response missing = http.send("GET", "/volumes/web", null);
        assertEquals(404, missing.status());
        assertEquals("get web: no such volume", json(missing).get("message").asText());

        List<String> actions = events.history(0, Long.MAX_VALUE).stream().map(Event::action).toList();
        assertEquals(List.of("create", "destroy"), actions);
    }

    @Test
    void emptyBodyCreatesAnAnonymousVolume() throws IOException {
        UnixHttp.Response r = http.send("POST", "/volumes/create", null);
        assertEquals(201, r.status(), r.body());
        JsonNode v = json(r);
        assertTrue(v.get("Name").asText().matches("[0-9a-f]{64}"));
        assertEquals("", v.get("Labels").get("com.docker.volume.anonymous").asText());
    }

    @Test
    void errorsHaveDockerStatusesAndMessages() throws IOException {
        assertError(400, "invalid characters", http.send("POST", "/volumes/create", "{\"Name\":\"bad/name\"}"));
        assertError(400, "invalid option: \"bogus\"", http.send("POST", "/volumes/create",
                "{\"Name\":\"x1\",\"DriverOpts\":{\"bogus\":\"1\"}}"));
        assertError(404, "plugin \"flocker\" not found",
                http.send("POST", "/volumes/create", "{\"Name\":\"x1\",\"Driver\":\"flocker\"}"));
        assertError(400, "invalid JSON", http.send("POST", "/volumes/create", "{\"Name\":"));
        assertEquals(201, http.send("POST", "/volumes/create",
                "{\"Name\":\"t1\",\"DriverOpts\":{\"type\":\"tmpfs\",\"device\":\"tmpfs\",\"o\":\"size=1m\"}}")
                .status());
        assertError(409, "volume name must be unique", http.send("POST", "/volumes/create",
                "{\"Name\":\"t1\",\"DriverOpts\":{\"type\":\"tmpfs\",\"device\":\"tmpfs\",\"o\":\"size=9m\"}}"));
        assertError(400, "invalid filter 'bogus'", http.send("GET", "/volumes" + filters("{\"bogus\":[\"1\"]}"), null));
        assertError(400, "invalid filter 'dangling=maybe'",
                http.send("GET", "/volumes" + filters("{\"dangling\":[\"maybe\"]}"), null));
        assertError(400, "invalid filter 'name'",
                http.send("POST", "/volumes/prune" + filters("{\"name\":[\"x\"]}"), null));
        assertError(400, "invalid filter 'all'",
                http.send("POST", "/volumes/prune" + filters("{\"all\":[\"yes please\"]}"), null));
        assertError(400, "swarm is unavailable", http.send("PUT", "/volumes/t1?version=1", "{}"));
        assertError(404, "no such volume", http.send("DELETE", "/volumes/nosuch", null));
        assertEquals(204, http.send("DELETE", "/volumes/nosuch?force=1", null).status());
    }

    private void assertError(int status, String text, UnixHttp.Response r) throws IOException {
        assertEquals(status, r.status(), r.body());
        String message = json(r).get("message").asText();
        assertTrue(message.contains(text), message);
    }

    @Test
    void volumesInUseAreNotRemovedAndNotDangling() throws IOException {
        http.send("POST", "/volumes/create", "{\"Name\":\"busy\"}");
        http.send("POST", "/volumes/create", "{\"Name\":\"idle\"}");
        users.put("busy", List.of("0123abcd"));

        assertError(409, "remove busy: volume is in use - [0123abcd]", http.send("DELETE", "/volumes/busy", null));
        assertError(409, "volume is in use", http.send("DELETE", "/volumes/busy?force=true", null));
        assertEquals(List.of("idle"), listNames(filters("{\"dangling\":[\"true\"]}")));
        assertEquals(List.of("busy"), listNames(filters("{\"dangling\":{\"0\":true}}")));
        assertEquals(List.of("busy", "idle"), listNames(filters("{\"name\":[\"us\",\"dl\"]}")));
    }

    @Test
    void pruneFollowsTheApiVersionRule() throws IOException {
        String anon = json(http.send("POST", "/volumes/create", "{}")).get("Name").asText();
        http.send("POST", "/volumes/create", "{\"Name\":\"named1\",\"Labels\":{\"keep\":\"1\"}}");
        http.send("POST", "/volumes/create", "{\"Name\":\"named2\"}");
        Files.write(dir.resolve("root/volumes/" + anon + "/_data/f"), new byte[4096]);

        JsonNode pruned = json(http.send("POST", "/v1.44/volumes/prune", null));
        assertEquals(List.of(anon), names(pruned.get("VolumesDeleted")));
        assertEquals(4096, pruned.get("SpaceReclaimed").asLong());

        JsonNode old = json(http.send("POST", "/v1.41/volumes/prune" + filters("{\"label!\":[\"keep\"]}"), null));
        assertEquals(List.of("named2"), names(old.get("VolumesDeleted")), "before 1.42 prune takes named volumes too");

        JsonNode none = json(http.send("POST", "/volumes/prune", null));
        assertEquals(0, none.get("VolumesDeleted").size());
        assertEquals(0, none.get("SpaceReclaimed").asLong());

        JsonNode all = json(
                http.send("POST", "/volumes/prune" + filters("{\"all\":[\"true\"],\"label\":[\"keep=1\"]}"), null));
        assertEquals(List.of("named1"), names(all.get("VolumesDeleted")));

        Event last = events.history(0, Long.MAX_VALUE).getLast();
        assertEquals(List.of("volume", "prune"), List.of(last.type(), last.action()));
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
