package dev.berth.runtime.api.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.network.Endpoint;
import dev.berth.runtime.network.Network;
import dev.berth.runtime.network.NetworkCreateRequest;
import dev.berth.runtime.network.NetworkView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkFiltersTest {
    private static NetworkView net(String name, String id, String created, Map<String, String> labels, boolean used) {
        Network n = new Network(id, name, name.equals("host") ? "host" : "bridge", created, "10.0.0.0/24", "10.0.0.1",
                null,
                false, false, labels, Map.of(), "br", false);
        Map<String, NetworkView.AttachedContainer> c = used ? Map.of("cid", new NetworkView.AttachedContainer("c",
                new Endpoint(id, name, "e", "eth0", "vb", "10.0.0.2", 24, "10.0.0.1", "m", List.of(), List.of())))
                : Map.of();
        return new NetworkView(n, c);
    }

    private static final NetworkView WEB = net("web-net", "abc123", "2026-01-01T00:00:00Z", Map.of("team", "a"), false);
    private static final NetworkView DB = net("db", "def456", "2026-06-01T00:00:00Z", Map.of("team", "b", "keep", ""),
            true);
    private static final NetworkView HOST = net("host", "0987", "2026-01-01T00:00:00Z", Map.of(), false);

    @Test
    void listFiltersFollowMoby() {
        assertTrue(NetworkFilters.list(Filters.parse("{\"name\":[\"web\"]}")).test(WEB));
        assertFalse(NetworkFilters.list(Filters.parse("{\"name\":[\"^db$\"]}")).test(WEB));
        assertTrue(NetworkFilters.list(Filters.parse("{\"id\":{\"abc\":true}}")).test(WEB));
        assertTrue(NetworkFilters.list(Filters.parse("{\"label\":[\"team=b\"]}")).test(DB));
        assertFalse(NetworkFilters.list(Filters.parse("{\"label\":[\"team=b\"]}")).test(WEB));
        assertTrue(NetworkFilters.list(Filters.parse("{\"type\":[\"builtin\"]}")).test(HOST));
        assertFalse(NetworkFilters.list(Filters.parse("{\"type\":[\"builtin\"]}")).test(WEB));
        assertTrue(NetworkFilters.list(Filters.parse("{\"driver\":[\"host\"]}")).test(HOST));
        assertTrue(NetworkFilters.list(Filters.parse("{\"dangling\":[\"true\"]}")).test(WEB));
        assertFalse(NetworkFilters.list(Filters.parse("{\"dangling\":[\"true\"]}")).test(DB));
        assertFalse(NetworkFilters.list(Filters.parse("{\"dangling\":[\"1\"]}")).test(HOST));
        assertThrows(InvalidArgumentException.class, () -> NetworkFilters.list(Filters.parse("{\"color\":[\"x\"]}")));
        assertThrows(InvalidArgumentException.class, () -> NetworkFilters.list(Filters.parse("{\"type\":[\"x\"]}")));
        assertThrows(InvalidArgumentException.class,
                () -> NetworkFilters.list(Filters.parse("{\"dangling\":[\"maybe\"]}")));
    }

    @Test
    void pruneFilters() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertTrue(NetworkFilters.prune(Filters.parse("{\"until\":[\"2026-03-01T00:00:00Z\"]}"), now).test(WEB));
        assertFalse(NetworkFilters.prune(Filters.parse("{\"until\":[\"2026-03-01T00:00:00Z\"]}"), now).test(DB));
        assertFalse(NetworkFilters.prune(Filters.parse("{\"label!\":[\"keep\"]}"), now).test(DB));
        assertTrue(NetworkFilters.prune(Filters.parse("{\"label!\":[\"team=b\"]}"), now).test(WEB));
        assertThrows(InvalidArgumentException.class,
                () -> NetworkFilters.prune(Filters.parse("{\"name\":[\"x\"]}"), now));
    }

    @Test
    void resourceHasDockersShape() throws Exception {
        var json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(NetworkResource.of(DB, true)));
        assertEquals("db", json.get("Name").asText());
        assertEquals("local", json.get("Scope").asText());
        assertEquals("10.0.0.0/24", json.at("/IPAM/Config/0/Subnet").asText());
        assertTrue(json.at("/IPAM/Config/0").get("IPRange") == null);
        assertEquals("10.0.0.2/24", json.at("/Containers/cid/IPv4Address").asText());
        assertEquals("", json.at("/Containers/cid/IPv6Address").asText());
        assertTrue(json.has("Labels") && json.has("Options") && json.has("Internal") && json.has("Attachable"));
        assertTrue(Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(NetworkResource.of(DB, false))).get("Containers")
                .isEmpty());
    }

    @Test
    void createBodyMapping() throws Exception {
        NetworkCreateBody body = Json.MAPPER.readValue("{\"Name\":\"n\",\"Driver\":\"bridge\",\"Internal\":true,"
                + "\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.9.0.0/16\",\"Gateway\":\"10.9.0.9\",\"IPRange\":\"10.9.1.0/24\"}]},"
                + "\"Labels\":{\"a\":\"b\"},\"Options\":{\"com.docker.network.bridge.name\":\"brn\"},\"CheckDuplicate\":true}",
                NetworkCreateBody.class);
        NetworkCreateRequest r = NetworkRoutes.toRequest(body);
        assertEquals("10.9.0.0/16", r.subnet());
        assertEquals("10.9.0.9", r.gateway());
        assertEquals("10.9.1.0/24", r.ipRange());
        assertTrue(r.internal());
        assertEquals("brn", r.options().get("com.docker.network.bridge.name"));
        NetworkCreateRequest plain = NetworkRoutes
                .toRequest(Json.MAPPER.readValue("{\"Name\":\"p\"}", NetworkCreateBody.class));
        assertNull(plain.subnet());
        assertThrows(NotFoundException.class, () -> NetworkRoutes.toRequest(Json.MAPPER.readValue(
                "{\"Name\":\"x\",\"IPAM\":{\"Driver\":\"dhcp\"}}", NetworkCreateBody.class)));
        NetworkCreateRequest dual = NetworkRoutes.toRequest(Json.MAPPER.readValue("{\"Name\":\"x\",\"EnableIPv6\":true,"
                + "\"IPAM\":{\"Config\":[{\"Subnet\":\"fd00::/64\",\"Gateway\":\"fd00::ffff\"},{\"Subnet\":\"10.8.0.0/16\"}]}}",
                NetworkCreateBody.class));
        assertEquals("10.8.0.0/16", dual.subnet(), "the IPv4 pool, wherever it is in the list");
        assertEquals(new dev.berth.runtime.network.Network.Ipv6Settings("fd00::/64", "fd00::ffff", null), dual.ipv6());
        assertTrue(dual.enableIpv6());
        assertThrows(InvalidArgumentException.class, () -> NetworkRoutes.toRequest(Json.MAPPER.readValue(
                "{\"Name\":\"x\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.1.0.0/16\"},{\"Subnet\":\"10.2.0.0/16\"}]}}",
                NetworkCreateBody.class)), "two IPv4 pools");
        assertThrows(InvalidArgumentException.class, () -> NetworkRoutes.toRequest(Json.MAPPER.readValue(
                "{\"Name\":\"x\",\"IPAM\":{\"Config\":[{\"Gateway\":\"10.0.0.1\"}]}}", NetworkCreateBody.class)));
        assertThrows(InvalidArgumentException.class, () -> NetworkRoutes.toRequest(null));
    }
}
