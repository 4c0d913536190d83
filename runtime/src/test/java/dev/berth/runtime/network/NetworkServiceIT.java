package dev.berth.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.network.ports.PortBinding;
import dev.berth.runtime.network.ports.PortMapping;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network service on the real kernel (root): namespaces as stand-ins for containers, busybox as their programs. */
class NetworkServiceIT {
    @TempDir
    Path dataRoot;
    HostNetworkFixture fx;
    NetworkService svc;

    @BeforeEach
    void start() {
        fx = new HostNetworkFixture(dataRoot);
        svc = fx.start();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    private static String id(String seed) {
        return (seed + "0123456789abcdef".repeat(4)).substring(0, 64);
    }

    @Test
    void containersOnOneNetworkPingAndResolveEachOtherButNotAnotherNetwork() throws Exception {
        svc.create(NetworkCreateRequest.bridge("itnet-a"));
        svc.create(NetworkCreateRequest.bridge("itnet-b"));
        Attachment one = svc.attach(id("aaaa"), "one", null,
                List.of(new EndpointRequest("itnet-a", List.of("db"), null)));
        Attachment two = svc.attach(id("bbbb"), "two", null, List.of(EndpointRequest.of("itnet-a")));
        Attachment three = svc.attach(id("cccc"), "three", null, List.of(EndpointRequest.of("itnet-b")));
        String ip1 = one.endpoints().getFirst().ipAddress();
        String ip2 = two.endpoints().getFirst().ipAddress();

        assertEquals(0, HostNetworkFixture.inNetns(two.netnsPath(), "/bin/busybox", "ping", "-c1", "-W2", ip1).exit());
        String dnsIp = two.endpoints().getFirst().gateway();
        for (String name : List.of("one", "db", id("aaaa").substring(0, 12))) {
            var r = HostNetworkFixture.inNetns(two.netnsPath(), "/bin/busybox", "nslookup", name, dnsIp);
            assertEquals(0, r.exit(), r.out());
            assertTrue(r.out().contains(ip1), r.out());
        }
        var r = HostNetworkFixture.inNetns(one.netnsPath(), "/bin/busybox", "nslookup", "two", dnsIp);
        assertTrue(r.out().contains(ip2), r.out());
        // Names of another network do not resolve; its containers are unreachable.
        var other = HostNetworkFixture.inNetns(three.netnsPath(), "/bin/busybox", "nslookup", "one",
                three.endpoints().getFirst().gateway());
        assertFalse(other.out().contains(ip1), other.out());
        assertNotEquals(0,
                HostNetworkFixture.inNetns(three.netnsPath(), "/bin/busybox", "ping", "-c1", "-W1", ip1).exit());
        assertNotEquals(0, HostNetworkFixture.inNetns(one.netnsPath(), "/bin/busybox", "ping", "-c1", "-W1",
                three.endpoints().getFirst().ipAddress()).exit());
        assertTrue(svc.resolvConf(id("aaaa"), DnsSettings.none()).contains("nameserver " + dnsIp));
    }

    @Test
    void defaultBridgeHasNoNamesButReachesPeersByIp() throws Exception {
        Attachment one = svc.attach(id("dddd"), "d1", null, List.of());
        Attachment two = svc.attach(id("eeee"), "d2", null, List.of());
        assertEquals(HostNetworkFixture.BRIDGE, svc.inspect("bridge").network().bridge());
        assertEquals(0, HostNetworkFixture.inNetns(two.netnsPath(), "/bin/busybox", "ping", "-c1", "-W2",
                one.endpoints().getFirst().ipAddress()).exit());
        var r = HostNetworkFixture.inNetns(two.netnsPath(), "/bin/busybox", "nslookup", "d1",
                two.endpoints().getFirst().gateway());
        assertFalse(r.out().contains(one.endpoints().getFirst().ipAddress()), r.out());
    }

    @Test
    void internalNetworkReachesPeersButNotTheHostSide() throws Exception {
        svc.create(new NetworkCreateRequest("itnet-int", "bridge", null, null, null, true, false, false, Map.of(),
                Map.of()));
        Attachment one = svc.attach(id("ffff"), "i1", null, List.of(EndpointRequest.of("itnet-int")));
        Attachment two = svc.attach(id("ffee"), "i2", null, List.of(EndpointRequest.of("itnet-int")));
        assertEquals(0, HostNetworkFixture.inNetns(two.netnsPath(), "/bin/busybox", "ping", "-c1", "-W2",
                one.endpoints().getFirst().ipAddress()).exit());
        // No default route: an outside address is unreachable.
        assertNotEquals(0,
                HostNetworkFixture.inNetns(one.netnsPath(), "/bin/busybox", "ping", "-c1", "-W1", "10.199.0.1").exit());
    }

    @Test
    void publishedPortIsReachableFromHostLoopbackAndItsAddress() throws Exception {
        svc.create(NetworkCreateRequest.bridge("itnet-web"));
        Attachment web = svc.attach(id("1111"), "web", null, List.of(EndpointRequest.of("itnet-web")));
        Path www = Files.createDirectories(dataRoot.resolve("www"));
        Files.writeString(www.resolve("index.html"), "hi from berth\n");
        fx.background(web.netnsPath(), "/bin/busybox", "httpd", "-f", "-p", "80", "-h", www.toString());
        List<PortMapping> fixed = svc.publishPorts(id("1111"), List.of(new PortBinding(null, freePort(), 80, "tcp")));
        List<PortMapping> ephemeral = svc.publishPorts(id("1111"), List.of(new PortBinding(null, null, 80, "tcp")));
        assertTrue(ephemeral.getFirst().hostPort() > 1024);
        for (PortMapping m : List.of(fixed.getFirst(), ephemeral.getFirst())) {
            assertTrue(httpGet("127.0.0.1", m.hostPort()).contains("hi from berth"));
        }
        String hostIp = HostNetworkFixture.run(List.of("ip", "-4", "-o", "addr", "show", "dev", "eth0")).out()
                .split("\\s+inet\\s+")[1].split("/")[0];
        assertTrue(httpGet(hostIp, fixed.getFirst().hostPort()).contains("hi from berth"));

        // A container of another network reaches the published port through a host address, but not the container itself.
        svc.create(NetworkCreateRequest.bridge("itnet-client"));
        Attachment client = svc.attach(id("1112"), "client", null, List.of(EndpointRequest.of("itnet-client")));
        var viaHost = netcatGet(client.netnsPath(), hostIp, fixed.getFirst().hostPort());
        assertTrue(viaHost.out().contains("hi from berth"), viaHost.out());
        var direct = netcatGet(client.netnsPath(), web.endpoints().getFirst().ipAddress(), 80);
        assertFalse(direct.out().contains("hi from berth"), direct.out());

        svc.unpublish(id("1111"));
        assertEquals(0, HostNetworkFixture.countRules("--dport " + fixed.getFirst().hostPort() + " "));
    }

    @Test
    void hostPortInUseIsAClearErrorAndLeavesNothing() throws Exception {
        Attachment a = svc.attach(id("2222"), "busy", null, List.of());
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            int free = freePort();
            long before = HostNetworkFixture.countRules("BERTH-PORTS");
            EngineException e = assertThrows(EngineException.class, () -> svc.publishPorts(id("2222"), List.of(
                    new PortBinding(null, free, 81, "tcp"), new PortBinding(null, port, 80, "tcp"))));
            assertTrue(e.getMessage().contains("port is already allocated"), e.getMessage());
            assertTrue(e.getMessage().contains(":" + port), e.getMessage());
            assertEquals(before, HostNetworkFixture.countRules("BERTH-PORTS"));
            assertTrue(svc.attachment(id("2222")).ports().isEmpty());
            // The first port was given back too.
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("0.0.0.0", free));
            }
        }
        // The container itself is untouched: still attached, namespace in place.
        assertTrue(Files.exists(Path.of(a.netnsPath())));
    }

    @Test
    void failedAttachLeavesNothingBehind() throws Exception {
        svc.create(new NetworkCreateRequest("itnet-s", "bridge", "10.198.200.0/24", null, null, false, false, false,
                Map.of(), Map.of()));
        svc.attach(id("5555"), "holder", null, List.of(new EndpointRequest("itnet-s", List.of(), "10.198.200.9")));
        long links = fx.ownLinks();
        long netns = fx.ownNetns();
        Path bridgeLeases = dataRoot.resolve("networks/leases/" + svc.inspect("bridge").network().id() + ".json");
        String leases = leasesIn(bridgeLeases);
        // The first endpoint (default bridge) is made, the second fails on the taken static address: all is undone.
        assertThrows(dev.berth.runtime.errors.ConflictException.class, () -> svc.attach(id("6666"), "loser", null,
                List.of(EndpointRequest.of("bridge"), new EndpointRequest("itnet-s", List.of(), "10.198.200.9"))));
        assertEquals(links, fx.ownLinks());
        assertEquals(netns, fx.ownNetns());
        assertEquals(leases, leasesIn(bridgeLeases));
        assertThrows(dev.berth.runtime.errors.NotFoundException.class, () -> svc.attachment(id("6666")));
        // A static address outside the subnet, or on a network without a user subnet, is a bad request.
        assertThrows(dev.berth.runtime.errors.InvalidArgumentException.class, () -> svc.attach(id("7777"), "x", null,
                List.of(new EndpointRequest("bridge", List.of(), "10.199.0.50"))));
        assertEquals(netns, fx.ownNetns());
    }

    @Test
    void leasesAndAttachmentsSurviveARestart() throws Exception {
        svc.create(NetworkCreateRequest.bridge("itnet-r"));
        Attachment a = svc.attach(id("3333"), "keep", null, List.of(EndpointRequest.of("itnet-r")));
        Attachment c = svc.attach(id("3334"), "keep2", null, List.of(EndpointRequest.of("itnet-r")));
        svc.close();
        // While berthd was down someone deleted a veth and the bridge: reconcile re-creates both and re-attaches c's veth.
        HostNetworkFixture.run(List.of("ip", "link", "delete", "dev", a.endpoints().getFirst().hostVeth()));
        HostNetworkFixture.run(List.of("ip", "link", "delete", "dev", svc.inspect("itnet-r").network().bridge()));
        svc = fx.start();
        Attachment b = svc.attach(id("4444"), "new", null, List.of(EndpointRequest.of("itnet-r")));
        assertNotEquals(a.endpoints().getFirst().ipAddress(), b.endpoints().getFirst().ipAddress());
        assertEquals(0, HostNetworkFixture.inNetns(b.netnsPath(), "/bin/busybox", "ping", "-c1", "-W2",
                a.endpoints().getFirst().ipAddress()).exit());
        assertEquals(0, HostNetworkFixture.inNetns(b.netnsPath(), "/bin/busybox", "ping", "-c1", "-W2",
                c.endpoints().getFirst().ipAddress()).exit());
        var r = HostNetworkFixture.inNetns(b.netnsPath(), "/bin/busybox", "nslookup", "keep",
                b.endpoints().getFirst().gateway());
        assertTrue(r.out().contains(a.endpoints().getFirst().ipAddress()), r.out());
    }

    @Test
    void aChangedBipMovesTheDefaultBridgeOnceNoContainerUsesIt() throws Exception {
        svc.attach(id("9999"), "holder", null, List.of());
        svc.close();
        NetworkConfig moved = fx.config().withDaemonSettings(
                dev.berth.runtime.network.ipam.BridgeAddress.parse("10.189.4.9/24"), List.of());
        svc = fx.startWith(moved);
        assertEquals("10.199.0.0/16", svc.inspect("bridge").network().subnet(), "kept while a container uses it");
        svc.detach(id("9999"));
        svc.close();
        svc = fx.startWith(moved);
        Network bridge = svc.inspect("bridge").network();
        assertEquals("10.189.4.0/24", bridge.subnet());
        assertEquals("10.189.4.9", bridge.gateway());
        String addresses = HostNetworkFixture
                .run(List.of("ip", "-4", "-o", "addr", "show", "dev", HostNetworkFixture.BRIDGE)).out();
        assertTrue(addresses.contains("10.189.4.9/24"), addresses);
        assertFalse(addresses.contains("10.199.0.1/16"), addresses);
        Attachment a = svc.attach(id("999a"), "new", null, List.of());
        String ip = a.endpoints().getFirst().ipAddress();
        assertTrue(ip.startsWith("10.189.4.") && !ip.equals("10.189.4.9"), ip);
        assertEquals("10.189.4.9", a.endpoints().getFirst().gateway());
        assertEquals(0,
                HostNetworkFixture.inNetns(a.netnsPath(), "/bin/busybox", "ping", "-c1", "-W2", "10.189.4.9").exit());
    }

    @Test
    void startingAnotherEngineLeavesThisEnginesStateAlone(@TempDir Path otherRoot) throws Exception {
        svc.create(NetworkCreateRequest.bridge("itnet-mine"));
        Attachment a = svc.attach(id("8888"), "mine", null, List.of(EndpointRequest.of("itnet-mine")));
        svc.publishPorts(id("8888"), List.of(new PortBinding("127.0.0.1", null, 80, "tcp")));
        long links = fx.ownLinks();
        long netns = fx.ownNetns();
        long rules = fx.ownRules();
        assertTrue(links > 0 && netns > 0 && rules > 0);
        try (HostNetworkFixture other = new HostNetworkFixture(otherRoot, "berthit1", "10.197.0.0/16",
                "10.196.0.0/16")) {
            NetworkService second = other.start();
            assertNotEquals(fx.tag(), other.tag());
            // The other engine reconciles at start (as after a crash) and again by hand: nothing of ours goes.
            second.reconcile();
            assertEquals(links, fx.ownLinks());
            assertEquals(netns, fx.ownNetns());
            assertEquals(rules, fx.ownRules());
            assertTrue(Files.exists(Path.of(a.netnsPath())));
            assertTrue(other.ownRules() > 0, "the other engine has rules of its own");
        }
        // And ours reconciling does not take the other engine's rules either (it is gone now, so count ours only).
        svc.reconcile();
        assertEquals(rules, fx.ownRules());
        assertEquals(links, fx.ownLinks());
    }

    @Test
    void hundredAttachDetachCyclesLeaveNothingBehind() throws Exception {
        svc.create(NetworkCreateRequest.bridge("itnet-cycle"));
        long links = fx.ownLinks();
        long netns = fx.ownNetns();
        long rules = fx.ownRules();
        for (int i = 0; i < 100; i++) {
            String cid = id(String.format("c%03d", i));
            svc.attach(cid, "c" + i, null, List.of(EndpointRequest.of("itnet-cycle"), EndpointRequest.of("bridge")));
            svc.publishPorts(cid,
                    List.of(new PortBinding("127.0.0.1", null, 80, "tcp"), new PortBinding(null, null, 53, "udp")));
            svc.detach(cid);
        }
        assertEquals(links, fx.ownLinks());
        assertEquals(netns, fx.ownNetns());
        assertEquals(rules, fx.ownRules());
        for (NetworkView v : svc.list()) {
            assertTrue(v.containers().isEmpty());
        }
        try (var s = Files.list(dataRoot.resolve("networks/leases"))) {
            for (Path p : s.toList()) {
                assertFalse(Files.readString(p).contains("\"c0"), p + ": " + Files.readString(p));
            }
        }
    }

    /** An HTTP GET with busybox nc from inside a namespace (busybox-static's wget crashes resolving in a bare netns). */
    private static HostNetworkFixture.Result netcatGet(String netns, String ip, int port) throws Exception {
        return HostNetworkFixture.inNetns(netns, "/bin/busybox", "sh", "-c",
                "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | /bin/busybox nc -w 3 " + ip + " " + port);
    }

    /** The leases object of a pool file ("{}" when there is no file yet). */
    private static String leasesIn(Path p) throws Exception {
        return Files.exists(p) ? dev.berth.runtime.common.Json.MAPPER.readTree(p.toFile()).get("leases").toString()
                : "{}";
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String httpGet(String host, int port) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 3000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
