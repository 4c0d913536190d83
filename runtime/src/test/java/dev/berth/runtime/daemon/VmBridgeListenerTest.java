package dev.berth.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmBridgeListenerTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    /** A stand-in API socket that answers each connection's bytes upper-cased. */
    private Path upperCaseServer() throws IOException {
        Path socket = dir.resolve("api.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofVirtual().start(() -> {
            while (true) {
                try {
                    SocketChannel c = server.accept();
                    Thread.ofVirtual().start(() -> {
                        ByteBuffer buf = ByteBuffer.allocate(1024);
                        try (c) {
                            while (c.read(buf) > 0) {
                                buf.flip();
                                String text = StandardCharsets.US_ASCII.decode(buf).toString().toUpperCase();
                                c.write(StandardCharsets.US_ASCII.encode(text));
                                buf.clear();
                            }
                        } catch (IOException ignored) {
                            // client gone
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return socket;
    }

    private static String exchange(InetSocketAddress at, String greeting, String request) throws IOException {
        try (Socket s = new Socket(at.getAddress(), at.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((greeting + request).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (java.net.SocketException reset) {
                return ""; // refused: closed with our bytes unread, which TCP reports as a reset
            }
        }
    }

    @Test
    void onlyConnectionsWithTheTokenReachTheApi() throws Exception {
        Path api = upperCaseServer();
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        try (VmBridgeListener listener = VmBridgeListener
                .start(new VmBridge(new InetSocketAddress("127.0.0.1", 0), tokenFile), api)) {
            InetSocketAddress at = listener.address();
            assertEquals("GET /_PING", exchange(at, "BERTH1 " + TOKEN + "\n", "get /_ping"));
            assertEquals("", exchange(at, "BERTH1 wrong-token\n", "get /_ping"),
                    "a wrong token is closed without an answer");
            assertEquals("", exchange(at, "", "GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n"), "plain HTTP is refused");
        }
    }
}
