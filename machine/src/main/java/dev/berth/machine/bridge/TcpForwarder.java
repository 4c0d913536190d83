package dev.berth.machine.bridge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A published port where the hypervisor has no forwards of its own (vfkit): listens on the host, connects to the guest. */
public final class TcpForwarder implements AutoCloseable {
    private final ServerSocketChannel server;
    private volatile boolean closed;

    private TcpForwarder(ServerSocketChannel server) {
        this.server = server;
    }

    public static TcpForwarder start(InetSocketAddress listen, InetSocketAddress target) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(listen);
        TcpForwarder f = new TcpForwarder(server);
        Thread.ofPlatform().daemon().name("forward-" + listen.getPort()).start(() -> {
            while (!f.closed) {
                try {
                    SocketChannel client = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (client; SocketChannel guest = SocketChannel.open(target)) {
                            Pump.both(client, guest, () -> {});
                        } catch (IOException e) {
                            // the container is not listening (yet): the client sees the connection close
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return f;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
