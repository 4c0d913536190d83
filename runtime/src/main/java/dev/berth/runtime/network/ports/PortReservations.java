package dev.berth.runtime.network.ports;

import dev.berth.runtime.errors.EngineException;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a bound socket for every published host port, as dockerd does: the bind both reserves the port (another
 * program, or a second publish, gets "address in use") and, with port 0, asks the kernel for an ephemeral port.
 * TCP sockets are bound but never listen; the DNAT rules steer the traffic past them to the container.
 */
public final class PortReservations implements Closeable {
    /** The reservations of one owner (container), released together. */
    private final Map<String, List<NetworkChannel>> byOwner = new HashMap<>();

    /**
     * Binds every binding for {@code owner}, all or nothing, returning the actual host ports in order. On any failure
     * the sockets bound so far are closed and an EngineException names the port, like dockerd's message.
     */
    public synchronized List<Integer> reserve(String owner, List<PortBinding> bindings) {
        List<NetworkChannel> bound = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (PortBinding b : bindings) {
                NetworkChannel ch = bind(b);
                bound.add(ch);
                ports.add(((InetSocketAddress) ch.getLocalAddress()).getPort());
            }
        } catch (IOException | RuntimeException e) {
            closeAll(bound);
            if (e instanceof EngineException ee) {
                throw ee;
            }
            throw new EngineException("cannot reserve host ports: " + e.getMessage(), e);
        }
        byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).addAll(bound);
        return ports;
    }

    private static NetworkChannel bind(PortBinding b) throws IOException {
        String ip = b.hostIp() == null ? "0.0.0.0" : b.hostIp();
        int port = b.hostPort() == null ? 0 : b.hostPort();
        NetworkChannel ch = b.protocol().equals("udp") ? DatagramChannel.open() : SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, false);
            ch.bind(new InetSocketAddress(ip, port));
            return ch;
        } catch (IOException e) {
            ch.close();
            throw new EngineException("driver failed programming external connectivity: Bind for " + ip + ":" + port
                    + "/" + b.protocol() + " failed: port is already allocated (" + e.getMessage() + ")", e);
        }
    }

    /** Closes every socket of {@code owner}. */
    public synchronized void release(String owner) {
        List<NetworkChannel> chans = byOwner.remove(owner);
        if (chans != null) {
            closeAll(chans);
        }
    }

    /** Number of sockets held (for tests and diagnostics). */
    public synchronized int held() {
        return byOwner.values().stream().mapToInt(List::size).sum();
    }

    private static void closeAll(List<NetworkChannel> chans) {
        for (NetworkChannel c : chans) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a bound-only socket cannot lose data
            }
        }
    }

    @Override
    public synchronized void close() {
        byOwner.values().forEach(PortReservations::closeAll);
        byOwner.clear();
    }
}
