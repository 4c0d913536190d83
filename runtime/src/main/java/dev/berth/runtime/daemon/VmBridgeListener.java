package dev.berth.runtime.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * The guest end of the Berth VM's socket bridge. The host reaches the VM's API through a TCP port forward, which any
 * local user (and, inside the VM, any container) could reach too; so a connection must first send {@code BERTH1
 * <token>\n} with the VM's secret (given to the guest through QEMU's fw_cfg, readable by root only). Then its bytes are
 * copied to and from the engine's own unix socket, so every request goes through the one API server.
 */
final class VmBridgeListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("berth.daemon");
    private static final String GREETING = "BERTH1 ";
    private static final int MAX_GREETING = 256;
    private static final Duration GREETING_TIMEOUT = Duration.ofSeconds(10);

    private final ServerSocketChannel server;
    private final byte[] token;
    private final Path apiSocket;
    private volatile boolean closed;

    private VmBridgeListener(ServerSocketChannel server, byte[] token, Path apiSocket) {
        this.server = server;
        this.token = token;
        this.apiSocket = apiSocket;
    }

    /** Listens on {@code bridge.listen()} and forwards authenticated connections to {@code apiSocket}. */
    static VmBridgeListener start(VmBridge bridge, Path apiSocket) throws IOException {
        String secret = Files.readString(bridge.tokenFile(), StandardCharsets.US_ASCII).strip();
        if (secret.length() < 32) {
            throw new IOException("the VM token in " + bridge.tokenFile() + " is too short");
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.bind(bridge.listen());
        VmBridgeListener listener = new VmBridgeListener(server, secret.getBytes(StandardCharsets.US_ASCII), apiSocket);
        Thread.ofPlatform().daemon().name("vm-bridge-accept").start(listener::acceptLoop);
        LOG.log(System.Logger.Level.INFO, "VM bridge listening on " + bridge.listen());
        return listener;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("vm-bridge").start(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "VM bridge accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            if (!authenticated(client)) {
                LOG.log(System.Logger.Level.WARNING, "VM bridge: refused a connection without the VM's token from "
                        + client.getRemoteAddress());
                return;
            }
            try (SocketChannel api = SocketChannel.open(UnixDomainSocketAddress.of(apiSocket))) {
                Thread up = Thread.ofVirtual().name("vm-bridge-up").start(() -> pump(client, api));
                pump(api, client);
                up.join();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away; the other is closed with it
        }
    }

    /** Reads {@code BERTH1 <token>\n} byte by byte (nothing after it may be consumed) and checks the token. */
    private boolean authenticated(SocketChannel client) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        StringBuilder line = new StringBuilder();
        long deadline = System.nanoTime() + GREETING_TIMEOUT.toNanos();
        while (line.length() < MAX_GREETING && System.nanoTime() < deadline) {
            one.clear();
            if (client.read(one) < 0) {
                return false;
            }
            char c = (char) one.get(0);
            if (c == '\n') {
                String text = line.toString();
                return text.startsWith(GREETING) && MessageDigest.isEqual(token,
                        text.substring(GREETING.length()).strip().getBytes(StandardCharsets.US_ASCII));
            }
            line.append(c);
        }
        return false;
    }

    /** Copies until {@code from} ends, then half-closes {@code to} so the other side sees the end too. */
    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (from.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // both are going away
            }
        }
    }

    /** Where it listens (the port chosen when 0 was asked for). */
    java.net.InetSocketAddress address() throws IOException {
        return (java.net.InetSocketAddress) server.getLocalAddress();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
