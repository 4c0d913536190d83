package dev.berth.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.network.ports.PortMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkStoreTest {
    @TempDir
    Path root;

    @Test
    void recordsRoundTripExactly() {
        NetworkStore store = new NetworkStore(root);
        Network n = new Network("id1", "web", "bridge", "2026-01-01T00:00:00Z", "10.9.0.0/24", "10.9.0.1", null, true,
                false,
                Map.of("a", "b"), Map.of(BridgeOptions.NAME, "br-web"), "br-web", true);
        store.save(n);
        assertEquals(List.of(n), store.loadNetworks());
        Endpoint e = new Endpoint("id1", "web", "ep", "eth0", "vb123", "10.9.0.2", 24, "10.9.0.1", "02:42:0a:09:00:02",
                List.of("db"), List.of("c", "db"));
        Attachment a = new Attachment("cid", "c", "/run/netns/x", true, false, List.of(e),
                List.of(new PortMapping("0.0.0.0", 8080, 80, "tcp", "10.9.0.2")), List.of("9.9.9.9"));
        store.save(a);
        assertEquals(List.of(a), store.loadAttachments());
        store.deleteAttachment("cid");
        store.delete(n);
        assertTrue(store.loadAttachments().isEmpty());
        assertTrue(store.loadNetworks().isEmpty());
    }

    @Test
    void engineTagIsCreatedOnceAndKept() {
        EngineTag first = new NetworkStore(root).engineTag();
        assertEquals(first, new NetworkStore(root).engineTag());
        assertTrue(first.ruleComment().matches("berth:[0-9a-f]{4}"));
    }

    @Test
    void namesVethsAndMacsAreStable() {
        EngineTag tag = new EngineTag("ab12");
        assertEquals(EndpointWiring.vethName(tag, "c1", "n1"), EndpointWiring.vethName(tag, "c1", "n1"));
        assertTrue(EndpointWiring.vethName(tag, "c1", "n1").startsWith("vbab12"));
        assertEquals(14, EndpointWiring.vethName(tag, "c1", "n1").length(), "its temporary peer name must fit 15");
        assertEquals("berthns-ab12-0123456789ab", tag.netnsName("0123456789abcdef"));
        assertEquals("02:42:ac:1e:00:02",
                EndpointWiring.macFor(dev.berth.runtime.network.ipam.Ipv4.parse("172.30.0.2")));
        assertEquals(List.of("web", "0123456789ab", "db"),
                EndpointWiring.dnsNames("0123456789abcdef", "/web", List.of("db", "web")));
    }
}
