package dev.berth.runtime.network.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The resolver and the server over real loopback sockets, with a second server as the "upstream". */
class ResolverTest {
    private static DnsMessage ask(DnsServer server, String name, int type) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(3000);
            byte[] q = DnsMessage.query(42, name, type).encode();
            s.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), server.port()));
            byte[] buf = new byte[1500];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            return DnsMessage.decode(java.util.Arrays.copyOf(buf, p.getLength()));
        }
    }

    @Test
    void answersOwnNamesAndForwardsTheRest() throws Exception {
        NameTable upstreamNames = new NameTable();
        upstreamNames.add("192.0.2.7", List.of("outside.example"));
        NameTable names = new NameTable();
        names.add("10.0.0.5", List.of("web", "abc123def456", "api"));
        names.add("10.0.0.6", List.of("worker", "api"));
        try (DnsServer up = DnsServer.start("127.0.0.1", 0,
                new Resolver(upstreamNames, false, List::of, new Upstream(500)))) {
            Upstream toTestPort = new Upstream(1000, up.port());
            try (DnsServer ours = DnsServer.start("127.0.0.1", 0,
                    new Resolver(names, true, () -> List.of("127.0.0.1"), toTestPort))) {
                DnsMessage web = ask(ours, "WEB", DnsMessage.TYPE_A);
                assertEquals(0, web.rcode());
                assertArrayEquals(new byte[]{10, 0, 0, 5}, web.answers().getFirst().data());
                assertEquals(1, ask(ours, "abc123def456", DnsMessage.TYPE_A).answers().size());
                Set<String> api = ask(ours, "api.", DnsMessage.TYPE_A).answers().stream()
                        .map(r -> InetAddressText.of(r.data())).collect(Collectors.toSet());
                assertEquals(Set.of("10.0.0.5", "10.0.0.6"), api);
                DnsMessage aaaa = ask(ours, "web", DnsMessage.TYPE_AAAA);
                assertEquals(0, aaaa.rcode());
                assertTrue(aaaa.answers().isEmpty());
                DnsMessage ptr = ask(ours, "6.0.0.10.in-addr.arpa", DnsMessage.TYPE_PTR);
                assertEquals("worker", DnsMessage.nameFromData(ptr.answers().getFirst().data()));
                DnsMessage outside = ask(ours, "outside.example", DnsMessage.TYPE_A);
                assertArrayEquals(new byte[]{(byte) 192, 0, 2, 7}, outside.answers().getFirst().data());
                names.remove("10.0.0.5");
                assertEquals(List.of("10.0.0.6"), names.lookup("api"));
            }
        }
    }

    @Test
    void aLinkAliasResolvesItsTargetForTheLinkingEndpointOnly() throws Exception {
        NameTable names = new NameTable();
        names.add("10.0.0.5", List.of("web"));
        names.add("10.0.0.6", List.of("upstream"));
        names.setLinks("10.0.0.5", java.util.Map.of("Bar", "upstream"));
        assertEquals("upstream", names.linked("10.0.0.5", "bar."));
        assertEquals("bar", names.linked("10.0.0.6", "bar"), "another endpoint's links are not its own");
        Resolver resolver = new Resolver(names, false, List::of, new Upstream(500));
        DnsMessage fromWeb = DnsMessage
                .decode(resolver.answer(DnsMessage.query(1, "bar", DnsMessage.TYPE_A).encode(), "10.0.0.5", false));
        assertArrayEquals(new byte[]{10, 0, 0, 6}, fromWeb.answers().getFirst().data());
        assertEquals("bar", fromWeb.answers().getFirst().name(), "answered under the name asked");
        DnsMessage fromOther = DnsMessage
                .decode(resolver.answer(DnsMessage.query(2, "bar", DnsMessage.TYPE_A).encode(), "10.0.0.6", false));
        assertTrue(fromOther.answers().isEmpty());
        names.remove("10.0.0.5");
        assertEquals("bar", names.linked("10.0.0.5", "bar"), "links go with the endpoint");
    }

    @Test
    void internalNetworksDoNotForward() throws Exception {
        try (DnsServer s = DnsServer.start("127.0.0.1", 0,
                new Resolver(new NameTable(), false, () -> List.of("127.0.0.1"), new Upstream(200)))) {
            assertEquals(DnsMessage.RCODE_SERVFAIL, ask(s, "example.org", DnsMessage.TYPE_A).rcode());
        }
    }

    /** Dotted text of four bytes. */
    private static final class InetAddressText {
        static String of(byte[] b) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
    }
}
