package dev.berth.app.localengine;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Asks "does an engine answer on this unix socket?" with one {@code GET /_ping}, without a client library. */
@FunctionalInterface
public interface EngineProbe {

    boolean answers();

    /** A probe of the socket at {@code socket}: true when {@code /_ping} answers HTTP 200. */
    static EngineProbe unixSocket(Path socket) {
        return () -> {
            if (!Files.exists(socket)) {
                return false;
            }
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                ch.write(ByteBuffer
                        .wrap("GET /_ping HTTP/1.0\r\nHost: berth\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer buf = ByteBuffer.allocate(64);
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    if (new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).contains("\r\n")) {
                        break;
                    }
                }
                String head = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
                return head.startsWith("HTTP/1.") && head.length() >= 12 && head.substring(9, 12).equals("200");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        };
    }
}
