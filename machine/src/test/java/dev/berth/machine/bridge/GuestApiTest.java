package dev.berth.machine.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GuestApiTest {
    @Test
    void aForwardThatAcceptsButNeverAnswersIsNotAnEngine() throws Exception {
        // What QEMU's port forward does while the guest's network is still down: accept, then hold the connection.
        try (ServerSocketChannel silent = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) silent.getLocalAddress()).getPort();
            GuestApi api = new GuestApi(GuestConnector.tcp("127.0.0.1", port, "token"));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                assertFalse(api.ping());
                SocketChannel held = silent.accept();
                held.close();
            });
        }
    }
}
