package dev.berth.runtime.network.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;

/** Relays a raw query to upstream resolvers in turn, over the transport the client used, and returns the first reply. */
public final class Upstream {
    private final int timeoutMillis;
    private final int port;

    /** Upstreams on the standard port 53. */
    public Upstream(int timeoutMillis) {
        this(timeoutMillis, 53);
    }

    /** Upstreams on {@code port} (tests run the upstream on an unprivileged port). */
    public Upstream(int timeoutMillis, int port) {
        this.timeoutMillis = timeoutMillis;
        this.port = port;
    }

    /** The reply of the first server that answers, or null if none did. */
    public byte[] exchange(byte[] query, List<String> servers, boolean tcp) {
        for (String server : servers) {
            try {
                byte[] reply = tcp ? overTcp(query, server) : overUdp(query, server);
                if (reply != null) {
                    return reply;
                }
            } catch (IOException e) {
                // try the next server, as a stub resolver would
            }
        }
        return null;
    }

    private byte[] overUdp(byte[] query, String server) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(timeoutMillis);
            s.send(new DatagramPacket(query, query.length, new InetSocketAddress(server, port)));
            byte[] buf = new byte[65535];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            while (true) {
                s.receive(p);
                // Only a reply with the query's ID counts; anything else is stray or spoofed.
                if (p.getLength() >= 2 && buf[0] == query[0] && buf[1] == query[1]) {
                    return Arrays.copyOf(buf, p.getLength());
                }
            }
        }
    }

    private byte[] overTcp(byte[] query, String server) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(server, port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(query.length);
            out.write(query);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            return reply;
        }
    }
}
