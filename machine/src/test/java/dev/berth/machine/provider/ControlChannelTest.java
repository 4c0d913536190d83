package dev.berth.machine.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An order to the guest's init is repeated until init acknowledges it, since a closed port drops what it is sent. */
class ControlChannelTest {
    @TempDir
    Path dir;

    /** A guest that loses the first {@code lost} lines, as a port the guest has not reopened yet does. */
    private Thread guest(ServerSocketChannel server, int lost, List<String> received) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (SocketChannel ch = server.accept()) {
                BufferedReader r = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.US_ASCII));
                int seen = 0;
                for (String line; (line = r.readLine()) != null;) {
                    if (seen++ < lost) {
                        continue;
                    }
                    received.add(line);
                    ch.write(ByteBuffer.wrap(("ok " + line.split(" ")[0] + "\n").getBytes(StandardCharsets.US_ASCII)));
                    return;
                }
            } catch (IOException ignored) {
                // the sender gave up
            }
        });
    }

    @Test
    void anOrderLostOnceIsSentAgainUntilAcknowledged() throws Exception {
        Path socket = dir.resolve("control.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            List<String> received = new CopyOnWriteArrayList<>();
            Thread g = guest(server, 2, received);
            assertTrue(ControlChannel.send(socket, "settime 1796601600"));
            g.join(5000);
            assertEquals(List.of("settime 1796601600"), received);
        }
    }

    @Test
    void aGuestThatNeverAnswersIsAFailureNotAHang() throws Exception {
        Path socket = dir.resolve("control.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            guest(server, Integer.MAX_VALUE, new CopyOnWriteArrayList<>());
            assertFalse(ControlChannel.send(socket, "poweroff"));
        }
        assertFalse(ControlChannel.send(dir.resolve("absent.sock"), "poweroff"), "no VM, no channel");
    }
}
