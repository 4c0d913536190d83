package dev.berth.runtime.network.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfFilesTest {
    @Test
    void resolvConfParsesAndRenders() {
        ResolvConf host = ResolvConf.parse(
                "# comment\nnameserver 127.0.0.53\nnameserver ::1\nsearch a.example b.example\noptions edns0 trust-ad\n");
        assertEquals(List.of("127.0.0.53", "::1"), host.nameservers());
        assertEquals(List.of("127.0.0.53"), host.ipv4Nameservers());
        assertEquals(List.of("a.example", "b.example"), host.search());
        String out = new ResolvConf(List.of("10.0.0.1"), host.search(), List.of("ndots:0")).render();
        assertTrue(out.contains("nameserver 10.0.0.1\nsearch a.example b.example\noptions ndots:0\n"), out);
    }

    @Test
    void hostsFileHasLoopbackExtrasAndSelf() {
        String hosts = HostsFile.render("web", "10.0.0.5", List.of(HostsFile.parseExtraHost("db:10.1.1.1", null),
                HostsFile.parseExtraHost("host.docker.internal:host-gateway", "10.0.0.1"),
                HostsFile.parseExtraHost("v6:::1", null)));
        assertTrue(hosts.startsWith("127.0.0.1\tlocalhost\n"));
        assertTrue(hosts.contains("10.1.1.1\tdb\n"));
        assertTrue(hosts.contains("10.0.0.1\thost.docker.internal\n"));
        assertTrue(hosts.contains("::1\tv6\n"));
        assertTrue(hosts.endsWith("10.0.0.5\tweb\n"));
        assertThrows(InvalidArgumentException.class, () -> HostsFile.parseExtraHost("nohost", null));
        assertThrows(InvalidArgumentException.class, () -> HostsFile.parseExtraHost("x:host-gateway", null));
        assertThrows(InvalidArgumentException.class, () -> HostsFile.parseExtraHost("x:not an ip", null));
    }
}
