package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Published ports serve the host; containers on a user network find each other by name and alias; two versions of
 * a service run side by side; --dns, --dns-search, --add-host and --hostname reach the container's files; a
 * container reaches a server on the host.
 */
class NetworkingCliIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("net/busybox:1");

    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());
    }

    @Test
    void publishedPortServesAPageToTheHost() throws Exception {
        assertEquals(0, berthd.docker("run", "-d", "--name", "web", "-p", "18080:80", image,
                "sh", "-c", "mkdir -p /www && echo hello-from-berth > /www/index.html && httpd -f -p 80 -h /www")
                .exitCode());
        assertTrue(httpGet(18080).contains("hello-from-berth"));
        assertEquals(0, berthd.docker("run", "-d", "--name", "web2", "-p", "80", image,
                "sh", "-c", "mkdir -p /www && echo second-version > /www/index.html && httpd -f -p 80 -h /www")
                .exitCode());
        String port = berthd.docker("port", "web2", "80").stdout().trim();
        int hostPort = Integer.parseInt(port.lines().findFirst().orElseThrow().replaceAll(".*:", ""));
        assertTrue(httpGet(hostPort).contains("second-version"), "the ephemeral port answers");
        assertTrue(httpGet(18080).contains("hello-from-berth"), "two versions side by side");
        CommandResult clash = berthd.docker("run", "-d", "--name", "web3", "-p", "18080:80", image, "sleep", "30");
        assertNotEquals(0, clash.exitCode());
        assertTrue(clash.stderr().contains("already allocated") || clash.stderr().contains("in use"), clash.stderr());
        berthd.docker("rm", "-f", "web", "web2", "web3");
    }

    @Test
    void aContainerConnectedBeforeItStartsJoinsAtStartAndLeavesWhenDisconnectedStopped() {
        assertEquals(0, berthd.docker("network", "create", "latenet").exitCode());
        assertEquals(0, berthd.docker("create", "--name", "late", image, "sleep", "60").exitCode());
        CommandResult connect = berthd.docker("network", "connect", "--alias", "lateone", "latenet", "late");
        assertEquals(0, connect.exitCode(), connect.stderr());
        assertEquals(0, berthd.docker("start", "late").exitCode());
        String networks = berthd.docker("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}",
                "late").stdout();
        assertTrue(networks.contains("bridge") && networks.contains("latenet"), networks);
        CommandResult byAlias = berthd.docker("run", "--rm", "--network", "latenet", image, "nslookup", "lateone");
        assertEquals(0, byAlias.exitCode(), byAlias.stdout() + byAlias.stderr());

        assertEquals(0, berthd.docker("stop", "-t", "1", "late").exitCode());
        CommandResult disconnect = berthd.docker("network", "disconnect", "latenet", "late");
        assertEquals(0, disconnect.exitCode(), disconnect.stderr());
        assertEquals(0, berthd.docker("start", "late").exitCode());
        networks = berthd.docker("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}",
                "late").stdout();
        assertFalse(networks.contains("latenet"), networks);
        berthd.docker("rm", "-f", "late");
        assertEquals(0, berthd.docker("network", "rm", "latenet").exitCode());
    }

    @Test
    void containersOnAUserNetworkResolveEachOtherByNameAndAlias() {
        assertEquals(0, berthd.docker("network", "create", "appnet").exitCode());
        assertEquals(0, berthd.docker("run", "-d", "--name", "db", "--network", "appnet", "--network-alias", "database",
                image, "sleep", "60").exitCode());
        CommandResult byName = berthd.docker("run", "--rm", "--network", "appnet", image, "ping", "-c", "1", "-W", "2",
                "db");
        assertEquals(0, byName.exitCode(), byName.stdout() + byName.stderr());
        CommandResult byAlias = berthd.docker("run", "--rm", "--network", "appnet", image, "nslookup", "database");
        assertEquals(0, byAlias.exitCode(), byAlias.stdout() + byAlias.stderr());
        assertEquals(0, berthd.docker("network", "create", "othernet").exitCode());
        String ip = berthd.docker("inspect", "--format", "{{.NetworkSettings.Networks.appnet.IPAddress}}", "db")
                .stdout().trim();
        CommandResult isolated = berthd.docker("run", "--rm", "--network", "othernet", image, "ping", "-c", "1", "-W",
                "1", ip);
        assertNotEquals(0, isolated.exitCode(), "another network must not reach it");
        berthd.docker("rm", "-f", "db");
        berthd.docker("network", "rm", "appnet", "othernet");
    }

    @Test
    void anIpv6NetworkWithoutASubnetGetsAUniqueLocalOneAndTheCliFlagsWork() {
        assertEquals(0, berthd.docker("network", "create", "--ipv6", "v6net").exitCode());
        String subnets = berthd
                .docker("network", "inspect", "--format", "{{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}} {{end}}",
                        "v6net")
                .stdout().trim();
        assertTrue(subnets.matches("true \\d+\\.\\d+\\.\\d+\\.0/\\d+ fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::/64"),
                subnets);
        String prefix = subnets.substring(subnets.indexOf("fd"), subnets.indexOf("::/64"));
        assertEquals(0,
                berthd.docker("run", "-d", "--name", "v6a", "--network", "v6net", "--ip6", prefix + "::a", image,
                        "sleep", "60").exitCode());
        CommandResult ping = berthd.docker("run", "--rm", "--network", "v6net", image, "ping", "-c", "1", "-W", "5",
                "v6a");
        assertEquals(0, ping.exitCode(), ping.stdout() + ping.stderr());
        assertEquals(prefix + "::a",
                berthd.docker("inspect", "--format", "{{.NetworkSettings.Networks.v6net.GlobalIPv6Address}}",
                        "v6a").stdout().trim());
        CommandResult pool = berthd.docker("network", "create", "--subnet", "2001:db8:1::/64", "v6refused");
        assertNotEquals(0, pool.exitCode(), "an IPv6 pool without --ipv6");
        assertTrue(pool.stderr().contains("--ipv6"), pool.stderr());
        berthd.docker("rm", "-f", "v6a");
        berthd.docker("network", "rm", "v6net");
    }

    @Test
    void aRunningContainerConnectedToANetworkResolvesItsNamesUntilDisconnected() {
        assertEquals(0, berthd.docker("network", "create", "joinnet").exitCode());
        assertEquals(0,
                berthd.docker("run", "-d", "--name", "joinee", "--network", "joinnet", "--network-alias", "joinalias",
                        image, "sleep", "120").exitCode());
        // Started on the default bridge, where container names do not resolve; then connected while running.
        assertEquals(0, berthd.docker("run", "-d", "--name", "joiner", image, "sleep", "120").exitCode());
        assertNotEquals(0, berthd.docker("exec", "joiner", "nslookup", "joinee").exitCode(), "not on joinnet yet");
        CommandResult connect = berthd.docker("network", "connect", "joinnet", "joiner");
        assertEquals(0, connect.exitCode(), connect.stderr());
        String ip = berthd.docker("inspect", "--format", "{{.NetworkSettings.Networks.joinnet.IPAddress}}", "joinee")
                .stdout().trim();
        // The connected container's own inspect shows the network at once, and it stays across a restart (as dockerd).
        String joined = "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}";
        assertTrue(
                berthd.docker("inspect", "--format", joined, "joiner").stdout()
                        .matches("(?s).*joinnet=172\\.[0-9.]+ .*"),
                berthd.docker("inspect", "--format", joined, "joiner").stdout());
        assertEquals(0, berthd.docker("restart", "-t", "1", "joiner").exitCode());
        assertTrue(berthd.docker("inspect", "--format", joined, "joiner").stdout().contains("joinnet="),
                berthd.docker("inspect", "--format", joined, "joiner").stdout());
        for (String name : List.of("joinee", "joinalias")) {
            CommandResult lookup = berthd.docker("exec", "joiner", "nslookup", name);
            assertEquals(0, lookup.exitCode(), lookup.stdout() + lookup.stderr());
            assertTrue(lookup.stdout().contains(ip), lookup.stdout());
        }
        assertEquals(0, berthd.docker("network", "disconnect", "joinnet", "joiner").exitCode());
        assertNotEquals(0, berthd.docker("exec", "joiner", "nslookup", "joinee").exitCode(),
                "disconnected: no longer resolves");
        assertFalse(berthd.docker("inspect", "--format", joined, "joiner").stdout().contains("joinnet"));
        berthd.docker("rm", "-f", "joinee", "joiner");
        assertEquals(0, berthd.docker("network", "rm", "joinnet").exitCode());
    }

    @Test
    void twoVersionsOfOneServiceSideBySideOnTheirOwnHostPorts() throws Exception {
        for (String v : List.of("1", "2")) {
            CommandResult r = berthd.docker("run", "-d", "--name", "svc-v" + v, "-p", "1809" + v + ":80", image, "sh",
                    "-c",
                    "mkdir -p /www && echo service-version-" + v + " > /www/index.html && httpd -f -p 80 -h /www");
            assertEquals(0, r.exitCode(), r.stderr());
        }
        for (int round = 0; round < 2; round++) {
            String one = httpGet(18091);
            String two = httpGet(18092);
            assertTrue(one.contains("service-version-1") && !one.contains("service-version-2"), one);
            assertTrue(two.contains("service-version-2") && !two.contains("service-version-1"), two);
        }
        berthd.docker("rm", "-f", "svc-v1", "svc-v2");
    }

    @Test
    void dnsDnsSearchAddHostAndHostnameReachTheContainersFiles() {
        String gateway = berthd.docker("network", "inspect", "--format", "{{(index .IPAM.Config 0).Gateway}}", "bridge")
                .stdout().trim();
        CommandResult r = berthd.docker("run", "--rm", "--dns", "9.9.9.9", "--dns-search", "corp.example",
                "--dns-option", "ndots:3", "--add-host", "db.local:10.1.2.3", "--add-host", "dockerhost:host-gateway",
                "--hostname", "box-one", image, "sh", "-c",
                "cat /etc/resolv.conf; echo ---; cat /etc/hosts; echo ---; hostname");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] parts = r.stdout().split("---\n");
        String resolv = parts[0];
        String hosts = parts[1];
        // Berth's default bridge has a forwarding DNS on its gateway too (the host's resolver may be a loopback
        // address a container cannot reach); --dns servers are what it forwards to, so they are not in the file.
        assertTrue(resolv.contains("nameserver " + gateway), resolv);
        assertFalse(resolv.contains("nameserver 9.9.9.9"), resolv);
        assertTrue(resolv.contains("search corp.example"), resolv);
        assertTrue(resolv.contains("options ndots:3"), resolv);
        assertTrue(hosts.lines().anyMatch(l -> l.matches("10\\.1\\.2\\.3\\s+db\\.local")), hosts);
        assertTrue(hosts.lines().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(gateway) + "\\s+dockerhost")),
                hosts);
        assertTrue(hosts.lines().anyMatch(l -> l.contains("box-one") && !l.startsWith("127.")), hosts);
        assertEquals("box-one", parts[2].trim());

        // On a user network the embedded DNS answers (on the gateway) and --dns becomes its forwarder.
        assertEquals(0, berthd.docker("network", "create", "dnsnet").exitCode());
        String userGateway = berthd
                .docker("network", "inspect", "--format", "{{(index .IPAM.Config 0).Gateway}}", "dnsnet").stdout()
                .trim();
        CommandResult u = berthd.docker("run", "--rm", "--network", "dnsnet", "--dns", "9.9.9.9", "--dns-search",
                "corp.example",
                "--add-host", "dockerhost:host-gateway", "-h", "box-two", image, "sh", "-c",
                "cat /etc/resolv.conf /etc/hosts; hostname");
        assertEquals(0, u.exitCode(), u.stderr());
        assertTrue(u.stdout().contains("nameserver " + userGateway), u.stdout());
        assertFalse(u.stdout().contains("nameserver 9.9.9.9"), u.stdout());
        assertTrue(u.stdout().contains("search corp.example"), u.stdout());
        assertTrue(u.stdout().lines()
                .anyMatch(l -> l.matches(java.util.regex.Pattern.quote(userGateway) + "\\s+dockerhost")), u.stdout());
        assertTrue(u.stdout().trim().endsWith("box-two"), u.stdout());
        berthd.docker("network", "rm", "dnsnet");
    }

    @Test
    void aContainerReachesAServerListeningOnTheHost() throws Exception {
        String gateway = berthd.docker("network", "inspect", "--format", "{{(index .IPAM.Config 0).Gateway}}", "bridge")
                .stdout().trim();
        for (String hostIp : List.of(gateway, primaryHostAddress())) {
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(hostIp, 0));
                Thread answer = Thread.ofVirtual().start(() -> {
                    try (Socket s = server.accept()) {
                        s.getOutputStream()
                                .write(("pong-from-host " + hostIp + "\n").getBytes(StandardCharsets.US_ASCII));
                    } catch (Exception ignored) {
                        // the assertion below reports it
                    }
                });
                // From the default bridge to the gateway and to the host's primary address (a user network below).
                CommandResult r = berthd.docker("run", "--rm", image, "nc", "-w", "5", hostIp,
                        Integer.toString(server.getLocalPort()));
                assertTrue(r.stdout().contains("pong-from-host " + hostIp),
                        "from bridge to " + hostIp + ": " + r.stdout() + r.stderr());
                answer.join(Duration.ofSeconds(10));
            }
        }
        assertEquals(0, berthd.docker("network", "create", "outnet").exitCode());
        try (ServerSocket server = new ServerSocket()) {
            String hostIp = primaryHostAddress();
            server.bind(new InetSocketAddress(hostIp, 0));
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("pong-to-user-network\n".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception ignored) {
                    // the assertion below reports it
                }
            });
            CommandResult r = berthd.docker("run", "--rm", "--network", "outnet", image,
                    "nc", "-w", "5", hostIp, Integer.toString(server.getLocalPort()));
            assertTrue(r.stdout().contains("pong-to-user-network"), r.stdout() + r.stderr());
        }
        berthd.docker("network", "rm", "outnet");
    }

    /** The source address of the host's default route: "the host's primary IP". */
    static String primaryHostAddress() throws Exception {
        Process p = new ProcessBuilder("ip", "-4", "-o", "route", "get", "1.1.1.1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bsrc (\\S+)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no primary address in: " + out);
        }
        return m.group(1);
    }

    private static String httpGet(int port) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        Exception last = null;
        while (Instant.now().isBefore(end)) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(3000);
                OutputStream out = s.getOutputStream();
                out.write("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (body.contains("200")) {
                    return body;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no page on port " + port, last);
    }
}
