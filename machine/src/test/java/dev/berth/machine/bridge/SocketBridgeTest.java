package dev.berth.machine.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.Await;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's engine socket: private to its owner, joined to the guest with the VM's token, one connection each. */
class SocketBridgeTest {
    private static final String TOKEN = "a".repeat(64);

    @TempDir
    Path dir;

    @Test
    void bytesGoBothWaysThroughTheGuestWithTheToken() throws Exception {
        try (FakeGuest guest = new FakeGuest(TOKEN, false);
                SocketBridge bridge = SocketBridge.start(dir.resolve("run/docker.sock"),
                        () -> GuestConnector.tcp("127.0.0.1", guest.port(), TOKEN))) {
            assertEquals("hello through the bridge", echo(bridge.socket(), "hello through the bridge"));
            assertEquals("a second connection", echo(bridge.socket(), "a second connection"));
            assertTrue(guest.refused.isEmpty(), guest.refused.toString());
        }
    }

    @Test
    @org.junit.jupiter.api.condition.DisabledOnOs(value = org.junit.jupiter.api.condition.OS.WINDOWS, disabledReason = "no POSIX permissions; the pipe bridge is Windows' private path")
    void theSocketAndItsDirectoryAreTheOwnersOnly() throws Exception {
        try (FakeGuest guest = new FakeGuest(TOKEN, false);
                SocketBridge bridge = SocketBridge.start(dir.resolve("run/docker.sock"),
                        () -> GuestConnector.tcp("127.0.0.1", guest.port(), TOKEN))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bridge.socket())));
            assertEquals("rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(bridge.socket().getParent())));
        }
    }

    @Test
    void aWrongTokenIsRefusedByTheGuest() throws Exception {
        try (FakeGuest guest = new FakeGuest(TOKEN, false);
                SocketBridge bridge = SocketBridge.start(dir.resolve("docker.sock"),
                        () -> GuestConnector.tcp("127.0.0.1", guest.port(), "b".repeat(64)))) {
            assertEquals("", echo(bridge.socket(), "anything"));
            Await.until("the guest to refuse", Duration.ofSeconds(10), () -> guest.refused.size() == 1);
            assertEquals("BERTH1 " + "b".repeat(64), guest.refused.getFirst());
        }
    }

    @Test
    void aStaleSocketIsReplacedButALiveOneIsNotTaken() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (var stale = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        } // closed: the file stays, nobody answers
        try (FakeGuest guest = new FakeGuest(TOKEN, false);
                SocketBridge first = SocketBridge.start(socket,
                        () -> GuestConnector.tcp("127.0.0.1", guest.port(), TOKEN))) {
            assertEquals("ok", echo(socket, "ok"));
            IOException taken = assertThrows(IOException.class, () -> SocketBridge.start(socket, () -> null));
            assertTrue(taken.getMessage().contains("already served"), taken.getMessage());
        }
    }

    @Test
    void eachConnectionAsksTheGuestToBeReadyWhichMayBootIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (FakeGuest guest = new FakeGuest(TOKEN, false);
                SocketBridge bridge = SocketBridge.start(dir.resolve("docker.sock"), () -> {
                    asked.incrementAndGet();
                    return GuestConnector.tcp("127.0.0.1", guest.port(), TOKEN);
                })) {
            long before = bridge.lastActivityNanos();
            echo(bridge.socket(), "one");
            echo(bridge.socket(), "two");
            assertEquals(2, asked.get());
            assertTrue(bridge.lastActivityNanos() > before, "activity is counted for the resource saver");
            Await.until("connections to close", Duration.ofSeconds(10), () -> bridge.openConnections() == 0);
        }
    }

    /** Sends {@code text}, half-closes, and returns what came back until the other side closed. */
    private static String echo(Path socket, String text) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.shutdownOutput();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (ch.read(buf) >= 0) {
                if (!buf.hasRemaining()) {
                    break;
                }
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }
}
