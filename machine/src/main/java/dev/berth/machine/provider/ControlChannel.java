package dev.berth.machine.provider;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Orders to the guest's init over its virtio-serial control port ({@code poweroff}, {@code settime <epoch>}). A port
 * drops what the host writes while the guest has it closed, which it does for a moment after each host disconnects;
 * so an order is repeated until init answers {@code ok <order>}. Both orders are safe to receive twice.
 */
final class ControlChannel {
    private static final Duration ANSWER_WAIT = Duration.ofMillis(500);
    private static final int ATTEMPTS = 10;

    private ControlChannel() {}

    /** Sends {@code line} on the control socket until init acknowledges it; false if it never does. */
    static boolean send(Path socket, String line) {
        String expected = "ok " + line.split(" ", 2)[0];
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ);
            StringBuilder answers = new StringBuilder();
            ByteBuffer buf = ByteBuffer.allocate(256);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
                while (System.nanoTime() < deadline) {
                    selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    selector.selectedKeys().clear();
                    buf.clear();
                    int n = ch.read(buf);
                    if (n < 0) {
                        return false;
                    }
                    answers.append(new String(buf.array(), 0, n, StandardCharsets.US_ASCII));
                    if (answers.indexOf(expected) >= 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
