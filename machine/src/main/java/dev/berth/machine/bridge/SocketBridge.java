package dev.berth.machine.bridge;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine socket on the host: a unix socket only its owner may use (0600, in a 0700 directory), whose every
 * connection is joined to the guest's engine through a {@link GuestConnector}. Before connecting, {@link Guest#ready}
 * is asked to have the VM up (it starts a stopped one: the first docker command after the resource saver stopped the
 * VM wakes it). Counts connections and activity for the resource saver.
 */
public final class SocketBridge implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("berth.machine");

    /** The guest side: brings the VM up if needed and connects. */
    public interface Guest {
        /** Blocks until the engine in the VM can be reached, starting the VM if it is stopped; throws if it cannot. */
        GuestConnector ready() throws IOException;
    }

    private final ServerSocketChannel server;
    private final Path socket;
    private final Guest guest;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private volatile boolean closed;

    private SocketBridge(ServerSocketChannel server, Path socket, Guest guest) {
        this.server = server;
        this.socket = socket;
        this.guest = guest;
    }

    /** Serves {@code socket}; a stale socket file (nobody answers) is replaced, a live one is an error. */
    public static SocketBridge start(Path socket, Guest guest) throws IOException {
        Path dir = socket.getParent();
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the named pipe bridge is used there
        }
        if (Files.exists(socket)) {
            if (answers(socket)) {
                throw new IOException(socket + " is already served by another process (is another Berth VM running?)");
            }
            Files.delete(socket);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // see above
        }
        SocketBridge bridge = new SocketBridge(server, socket, guest);
        Thread.ofPlatform().daemon().name("bridge-accept").start(bridge::acceptLoop);
        return bridge;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("bridge").start(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "engine socket: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        open.incrementAndGet();
        touch();
        try (client; SocketChannel guestSide = guest.ready().connect()) {
            Pump.both(client, guestSide, this::touch);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "engine socket: cannot reach the engine in the VM: " + e.getMessage());
        } finally {
            open.decrementAndGet();
            touch();
        }
    }

    private void touch() {
        lastActivity.set(System.nanoTime());
    }

    /** Connections open now. */
    public int openConnections() {
        return open.get();
    }

    /** Nanoseconds ({@link System#nanoTime()}) of the last byte or connection. */
    public long lastActivityNanos() {
        return lastActivity.get();
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // going away
        }
    }
}
