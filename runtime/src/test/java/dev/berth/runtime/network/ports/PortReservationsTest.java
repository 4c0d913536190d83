package dev.berth.runtime.network.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.EngineException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortReservationsTest {
    @Test
    void ephemeralPortsAreRealAndHeldUntilReleased() throws Exception {
        try (PortReservations r = new PortReservations()) {
            int port = r.reserve("c", List.of(new PortBinding("127.0.0.1", null, 80, "tcp"))).getFirst();
            assertTrue(port > 0);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                assertThrows(java.io.IOException.class, () -> s.bind(new InetSocketAddress("127.0.0.1", port)));
            }
            r.release("c");
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }
    }

    @Test
    void allOrNothingWhenAPortIsTaken() throws Exception {
        try (PortReservations r = new PortReservations();
                ServerSocket taken = new ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
            EngineException e = assertThrows(EngineException.class, () -> r.reserve("c", List.of(
                    new PortBinding("127.0.0.1", null, 1, "udp"),
                    new PortBinding("127.0.0.1", taken.getLocalPort(), 80, "tcp"))));
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertEquals(0, r.held());
        }
    }
}
