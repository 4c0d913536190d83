package dev.berth.runtime.network.dns;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A DNS server on one address (a network's gateway), over UDP and TCP, each query answered on a virtual thread
 * by a {@link Resolver}. It lives in berthd's own (host) namespace, so it can forward to resolvers only the host
 * can reach, such as systemd-resolved on 127.0.0.53.
 */
public final class DnsServer implements Closeable {
    private static final Logger LOG = Logger.getLogger(DnsServer.class.getName());

    private final Resolver resolver;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private volatile boolean closed;

    private DnsServer(Resolver resolver, DatagramSocket udp, ServerSocket tcp) {
        this.resolver = resolver;
        this.udp = udp;
        this.tcp = tcp;
    }

    /** Binds {@code address:port} over UDP and TCP and starts serving. */
    public static DnsServer start(String address, int port, Resolver resolver) throws IOException {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(address), port);
        DatagramSocket udp = new DatagramSocket(null);
        ServerSocket tcp = new ServerSocket();
        try {
            udp.bind(at);
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(at.getAddress(), udp.getLocalPort()), 64);
        } catch (IOException e) {
            udp.close();
            tcp.close();
            throw new IOException("cannot serve DNS on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        DnsServer server = new DnsServer(resolver, udp, tcp);
        // The two receive loops run on platform threads: a virtual thread parked on a socket that gets closed can keep a
        // stale poller registration, and a new socket on the same fd number (a restart in the same JVM) then never wakes.
        Thread.ofPlatform().daemon().name("dns-udp-" + address).start(server::serveUdp);
        Thread.ofPlatform().daemon().name("dns-tcp-" + address).start(server::serveTcp);
        return server;
    }

    /** The port bound (useful when started on port 0 in tests). */
    public int port() {
        return udp.getLocalPort();
    }

    private void serveUdp() {
        byte[] buf = new byte[65535];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "DNS receive failed", e);
                }
                continue;
            }
            byte[] query = Arrays.copyOf(buf, p.getLength());
            InetSocketAddress client = (InetSocketAddress) p.getSocketAddress();
            Thread.ofVirtual().start(() -> {
                byte[] reply = resolver.answer(query, client.getAddress().getHostAddress(), false);
                if (reply != null) {
                    try {
                        udp.send(new DatagramPacket(reply, reply.length, client));
                    } catch (IOException e) {
                        // the client is gone; nothing to do
                    }
                }
            });
        }
    }

    private void serveTcp() {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                Thread.ofVirtual().start(() -> serveConnection(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "DNS accept failed", e);
                }
            }
        }
    }

    private void serveConnection(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] reply = resolver.answer(query, s.getInetAddress().getHostAddress(), true);
                if (reply == null) {
                    return;
                }
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            }
        } catch (IOException e) {
            // end of connection or idle timeout
        }
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
