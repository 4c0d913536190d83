package dev.berth.machine.bridge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Opens a connection to berthd's VM bridge in the guest and presents the VM's token ({@code BERTH1 <token>\n}), after
 * which the connection carries the Docker API as if it were the engine's own socket. Through QEMU's port forward
 * (TCP on the host's loopback) or vfkit's vsock socket (a unix socket on the host).
 */
public interface GuestConnector {
    SocketChannel connect() throws IOException;

    /** Through a TCP port on the host (QEMU's forward, WSL2's localhost). */
    static GuestConnector tcp(String host, int port, String token) {
        return () -> greet(SocketChannel.open(new InetSocketAddress(host, port)), token);
    }

    /** Through a unix socket on the host (vfkit's vsock). */
    static GuestConnector unix(Path socket, String token) {
        return () -> {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            return greet(ch, token);
        };
    }

    private static SocketChannel greet(SocketChannel ch, String token) throws IOException {
        try {
            ByteBuffer hello = ByteBuffer.wrap(("BERTH1 " + token + "\n").getBytes(StandardCharsets.US_ASCII));
            while (hello.hasRemaining()) {
                ch.write(hello);
            }
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }
}
