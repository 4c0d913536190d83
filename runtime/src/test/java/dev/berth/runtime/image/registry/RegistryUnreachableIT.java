package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.errors.UnauthorizedException;
import dev.berth.runtime.image.reference.ImageReference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A registry address where nothing listens. */
class RegistryUnreachableIT {

    @Test
    void connectionRefusedNamesTheRegistryAfterRetrying() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RegistryClient client = new RegistryClient(
                new RegistryOptions(Set.of(), List.of(), 3, 2, Duration.ofSeconds(5)));
        ImageReference ref = ImageReference.parse("localhost:" + port + "/nothing/here:v1");
        long start = System.nanoTime();
        EngineException e = assertThrows(EngineException.class,
                () -> client.session(ref, Credentials.anonymous(), false).resolve("v1", null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(
                e.getMessage().startsWith("cannot reach registry localhost:" + port + ": GET \"http://localhost:" + port
                        + "/v2/nothing/here/manifests/v1\": connect: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("connection refused") || e.getMessage().contains("refused"), e.getMessage());
        assertTrue(!(e instanceof NotFoundException) && !(e instanceof UnauthorizedException));
        assertInstanceOf(java.io.IOException.class, e.getCause());
        assertTrue(millis >= 200, "two retries with backoff take a moment, took " + millis + " ms");
    }
}
