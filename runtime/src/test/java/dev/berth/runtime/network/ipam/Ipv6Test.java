package dev.berth.runtime.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ipv6Test {
    @TempDir
    Path dir;

    @Test
    void printsTheShortFormGoPrints() {
        assertEquals("2001:389::f00d", Ipv6.parse("2001:0389:0000:0000:0000:0000:0000:F00D").toString());
        assertEquals("::1", Ipv6.parse("0:0:0:0:0:0:0:1").toString());
        assertEquals("::", Ipv6.parse("::").toString());
        assertEquals("2001:db8:0:1:1:1:1:1", Ipv6.parse("2001:db8:0:1:1:1:1:1").toString(), "one zero group stays");
        assertEquals("2001:0:0:1::1", Ipv6.parse("2001:0:0:1:0:0:0:1").toString(), "the longest run is shortened");
        assertEquals("fe80::", Ipv6.parse("fe80::").toString());
        for (String bad : List.of("2001:db8::g", "localhost", "1.2.3.4", "2001:db8:::1", "")) {
            assertThrows(InvalidArgumentException.class, () -> Ipv6.parse(bad), bad);
        }
    }

    @Test
    void subnetsAsDockerChecksThem() {
        Cidr6 net = Cidr6.parse("2001:389::/64");
        assertEquals("2001:389::1", net.firstHost().toString());
        assertTrue(net.contains(Ipv6.parse("2001:389::ffff:1")));
        assertTrue(net.encloses(Cidr6.parse("2001:389::/96")));
        assertThrows(InvalidArgumentException.class, () -> Cidr6.parse("2001:389::1/64"), "host bits");
    }

    @Test
    void leasesSkipTheGatewayHonourRequestsAndSurviveARestart() {
        Cidr6 net = Cidr6.parse("2001:389::/64");
        Path file = dir.resolve("n.v6.json");
        Ipv6Pool pool = new Ipv6Pool(file, net, Cidr6.parse("2001:389::/96"), Ipv6.parse("2001:389::1"));
        assertEquals("2001:389::2", pool.allocate("a", null).toString(),
                "the subnet's base and the gateway are skipped");
        assertEquals("2001:389::f00d", pool.allocate("b", Ipv6.parse("2001:389::f00d")).toString());
        assertThrows(ConflictException.class, () -> pool.allocate("c", Ipv6.parse("2001:389::f00d")));
        assertThrows(InvalidArgumentException.class, () -> pool.allocate("c", Ipv6.parse("2001:db8::5")));
        Ipv6Pool reopened = new Ipv6Pool(file, net, Cidr6.parse("2001:389::/96"), Ipv6.parse("2001:389::1"));
        assertEquals("2001:389::3", reopened.allocate("c", null).toString(), "leases and the last address are on disk");
        reopened.releaseAllBut(Set.of("c"));
        assertEquals("2001:389::2", reopened.allocate("d", Ipv6.parse("2001:389::2")).toString(), "a's lease went");
    }
}
