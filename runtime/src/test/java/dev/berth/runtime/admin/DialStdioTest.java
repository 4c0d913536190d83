package dev.berth.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dial-stdio passes a request in, the answer out, and the end of the input on as a half-close. */
class DialStdioTest {
    @TempDir
    Path dir;

    @Test
    void theEngineSeesTheRequestAndItsEndThenItsAnswerComesOut() throws Exception {
        Path socket = dir.resolve("api.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread engine = Thread.ofPlatform().start(() -> {
                try (SocketChannel c = server.accept()) {
                    // Reads to the end (the half-close), then answers with what it read.
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    ByteBuffer buf = ByteBuffer.allocate(1024);
                    while (c.read(buf) >= 0) {
                        got.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    c.write(ByteBuffer
                            .wrap(("HTTP/1.1 200 OK\r\n\r\nyou said " + got).getBytes(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DialStdio(socket).run(new ByteArrayInputStream("GET /_ping".getBytes(StandardCharsets.UTF_8)), out);
            engine.join();
            assertEquals("HTTP/1.1 200 OK\r\n\r\nyou said GET /_ping", out.toString(StandardCharsets.UTF_8));
        }
    }
}
