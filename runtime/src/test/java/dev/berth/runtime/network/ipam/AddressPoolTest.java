package dev.berth.runtime.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressPoolTest {
    @TempDir
    Path dir;

    private AddressPool pool(String subnet, String range) {
        Cidr s = Cidr.parse(subnet);
        return new AddressPool(dir.resolve("leases.json"), s, range == null ? s : Cidr.parse(range), s.firstHost());
    }

    @Test
    void handsOutHostAddressesSkippingNetworkGatewayAndBroadcast() {
        AddressPool p = pool("10.0.0.0/29", null);
        Set<String> got = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            got.add(p.allocate("c" + i, null).toString());
        }
        assertEquals(Set.of("10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"), got);
        ConflictException e = assertThrows(ConflictException.class, () -> p.allocate("c6", null));
        assertTrue(e.getMessage().contains("no available IPv4 addresses"));
    }

    @Test
    void releasedAddressIsNotReusedBeforeTheOthers() {
        AddressPool p = pool("10.0.0.0/29", null);
        Ipv4 first = p.allocate("a", null);
        p.allocate("b", null);
        assertTrue(p.release(first, "a"));
        assertEquals("10.0.0.4", p.allocate("c", null).toString());
    }

    @Test
    void leasesPersistAcrossInstancesAndAreNeverHandedOutTwice() {
        AddressPool p = pool("10.1.0.0/24", null);
        Ipv4 a = p.allocate("a", null);
        Ipv4 b = p.allocate("b", Ipv4.parse("10.1.0.50"));
        AddressPool reopened = pool("10.1.0.0/24", null);
        assertEquals("a", reopened.leases().get(a));
        assertEquals("b", reopened.leases().get(b));
        // 253 host addresses besides the gateway, two of them leased already.
        for (int i = 0; i < 251; i++) {
            Ipv4 ip = reopened.allocate("x" + i, null);
            assertFalse(ip.equals(a) || ip.equals(b));
        }
        assertThrows(ConflictException.class, () -> reopened.allocate("y", null));
    }

    @Test
    void staticAddressChecks() {
        AddressPool p = pool("10.2.0.0/24", null);
        p.allocate("a", Ipv4.parse("10.2.0.9"));
        assertThrows(ConflictException.class, () -> p.allocate("b", Ipv4.parse("10.2.0.9")));
        assertThrows(InvalidArgumentException.class, () -> p.allocate("b", Ipv4.parse("10.3.0.9")));
        assertThrows(InvalidArgumentException.class, () -> p.allocate("b", Ipv4.parse("10.2.0.1")));
        assertThrows(InvalidArgumentException.class, () -> p.allocate("b", Ipv4.parse("10.2.0.255")));
        assertThrows(InvalidArgumentException.class, () -> p.allocate("b", Ipv4.parse("10.2.0.0")));
    }

    @Test
    void releaseOnlyByTheHolder() {
        AddressPool p = pool("10.4.0.0/24", null);
        Ipv4 ip = p.allocate("a", null);
        assertFalse(p.release(ip, "b"));
        assertEquals("a", p.leases().get(ip));
        p.allocate("a", null);
        assertEquals(2, p.releaseAll("a"));
        assertTrue(p.leases().isEmpty());
        assertTrue(pool("10.4.0.0/24", null).leases().isEmpty());
    }

    @Test
    void ipRangeLimitsAllocation() {
        AddressPool p = pool("10.5.0.0/24", "10.5.0.128/30");
        Set<String> got = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            got.add(p.allocate("c" + i, null).toString());
        }
        assertEquals(Set.of("10.5.0.128", "10.5.0.129", "10.5.0.130", "10.5.0.131"), got);
        assertThrows(ConflictException.class, () -> p.allocate("c", null));
        assertThrows(InvalidArgumentException.class,
                () -> new AddressPool(dir.resolve("x.json"), Cidr.parse("10.5.0.0/24"), Cidr.parse("10.6.0.0/30"),
                        null));
    }

    @Test
    void concurrentAllocationsNeverCollide() throws Exception {
        AddressPool p = pool("10.6.0.0/24", null);
        Set<Ipv4> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService ex = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                ex.submit(() -> assertTrue(seen.add(p.allocate("c" + n, null))));
            }
        }
        assertEquals(200, seen.size());
        assertEquals(200, pool("10.6.0.0/24", null).leases().size());
    }

    @Test
    void destroyRemovesTheFile() {
        AddressPool p = pool("10.7.0.0/24", null);
        p.allocate("a", null);
        assertTrue(Files.exists(dir.resolve("leases.json")));
        p.destroy();
        assertFalse(Files.exists(dir.resolve("leases.json")));
    }
}
