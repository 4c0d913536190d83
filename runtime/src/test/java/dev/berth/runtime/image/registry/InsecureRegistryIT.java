package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.reference.ImageReference;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plain-HTTP registry on a non-loopback address: refused unless configured insecure (by host:port or CIDR),
 * in which case HTTPS is tried first and HTTP used after it fails, as dockerd does.
 */
class InsecureRegistryIT {
    private static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
            + "\",\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"sha256:" + "a".repeat(64)
            + "\",\"size\":2},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private String host;
    private final AtomicInteger plainRequests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        InetAddress address = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst().orElse(null);
        assumeTrue(address != null, "needs a non-loopback IPv4 address");
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                plainRequests.incrementAndGet();
                boolean manifest = exchange.getRequestURI().getPath().equals("/v2/app/manifests/v1");
                byte[] body = manifest ? MANIFEST : "{}".getBytes(StandardCharsets.UTF_8);
                if (manifest) {
                    exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        host = address.getHostAddress() + ":" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static RegistryClient client(Set<String> insecure) {
        return new RegistryClient(new RegistryOptions(insecure, List.of(), 3, 0, Duration.ofSeconds(5)));
    }

    private ResolvedManifest resolveWith(Set<String> insecure) {
        return client(insecure).session(ImageReference.parse(host + "/app"), Credentials.anonymous(), false)
                .resolve("v1", null);
    }

    @Test
    void secureByDefault() {
        EngineException e = assertThrows(EngineException.class, () -> resolveWith(Set.of()));
        assertTrue(e.getMessage().startsWith("cannot reach registry " + host + ": GET \"https://"), e.getMessage());
    }

    @Test
    void fallsBackToHttpWhenConfiguredByHost() {
        assertEquals(MANIFEST.length, resolveWith(Set.of(host)).manifestBytes().length);
    }

    @Test
    void fallsBackToHttpWhenConfiguredByRange() {
        String ip = host.substring(0, host.lastIndexOf(':'));
        String range = ip.substring(0, ip.lastIndexOf('.')) + ".0/24";
        assertEquals(MANIFEST.length, resolveWith(Set.of(range)).manifestBytes().length);
    }
}
