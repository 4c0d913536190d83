package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Published ports serve the host; containers on a user network find each other by name and alias. */
class NetworkingCliIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    private static String image;

    @BeforeAll
    static void pushImage() {
        TestImages.busybox().push(registry, "net/busybox", "1");
        image = registry.host() + "/net/busybox:1";
        assertEquals(0, berthd.docker("pull", image).exitCode());
    }

    @Test
    void publishedPortServesAPageToTheHost() throws Exception {
        assertEquals(0, berthd.docker("run", "-d", "--name", "web", "-p", "18080:80", image,
                "sh", "-c", "mkdir -p /www && echo hello-from-berth > /www/index.html && httpd -f -p 80 -h /www").exitCode());
        assertTrue(httpGet(18080).contains("hello-from-berth"));
        assertEquals(0, berthd.docker("run", "-d", "--name", "web2", "-p", "80", image,
                "sh", "-c", "mkdir -p /www && echo second-version > /www/index.html && httpd -f -p 80 -h /www").exitCode());
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
    void containersOnAUserNetworkResolveEachOtherByNameAndAlias() {
        assertEquals(0, berthd.docker("network", "create", "appnet").exitCode());
        assertEquals(0, berthd.docker("run", "-d", "--name", "db", "--network", "appnet", "--network-alias", "database",
                image, "sleep", "60").exitCode());
        CommandResult byName = berthd.docker("run", "--rm", "--network", "appnet", image, "ping", "-c", "1", "-W", "2", "db");
        assertEquals(0, byName.exitCode(), byName.stdout() + byName.stderr());
        CommandResult byAlias = berthd.docker("run", "--rm", "--network", "appnet", image, "nslookup", "database");
        assertEquals(0, byAlias.exitCode(), byAlias.stdout() + byAlias.stderr());
        assertEquals(0, berthd.docker("network", "create", "othernet").exitCode());
        String ip = berthd.docker("inspect", "--format", "{{.NetworkSettings.Networks.appnet.IPAddress}}", "db").stdout().trim();
        CommandResult isolated = berthd.docker("run", "--rm", "--network", "othernet", image, "ping", "-c", "1", "-W", "1", ip);
        assertNotEquals(0, isolated.exitCode(), "another network must not reach it");
        berthd.docker("rm", "-f", "db");
        berthd.docker("network", "rm", "appnet", "othernet");
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
