package dev.berth.runtime.network;

import dev.berth.runtime.network.dns.DnsServer;
import dev.berth.runtime.network.dns.NameTable;
import dev.berth.runtime.network.dns.ResolvConf;
import dev.berth.runtime.network.dns.Resolver;
import dev.berth.runtime.network.dns.Upstream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The embedded DNS server and name table of every bridge network, keyed by network ID. */
final class NetworkDns implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NetworkDns.class.getName());

    private record Served(NameTable names, DnsServer server) {}

    private final int port;
    private final Path hostResolvConf;
    private final Upstream upstream = new Upstream(2000);
    private final Map<String, Served> byNetwork = new ConcurrentHashMap<>();

    NetworkDns(int port, Path hostResolvConf) {
        this.port = port;
        this.hostResolvConf = hostResolvConf;
    }

    /** The host's resolver configuration, read fresh each time since it changes with the host's network. */
    ResolvConf hostResolvConf() {
        try {
            return ResolvConf.parse(Files.readString(hostResolvConf));
        } catch (IOException e) {
            return new ResolvConf(List.of(), List.of(), List.of());
        }
    }

    /**
     * Starts serving a bridge network on its gateway. A failure to bind (something else owns port 53 on every address)
     * is logged and leaves the network without DNS rather than without connectivity.
     */
    void start(Network n) {
        if (!n.hasBridge() || n.gateway() == null || byNetwork.containsKey(n.id())) {
            return;
        }
        NameTable names = new NameTable();
        Resolver resolver = new Resolver(names, !n.internal(), () -> hostResolvConf().ipv4Nameservers(), upstream);
        try {
            byNetwork.put(n.id(), new Served(names, DnsServer.start(n.gateway(), port, resolver)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "network " + n.name() + " has no embedded DNS: " + e.getMessage());
        }
    }

    void stop(String networkId) {
        Served s = byNetwork.remove(networkId);
        if (s != null) {
            s.server().close();
        }
    }

    /** True if network {@code networkId} has a running DNS server. */
    boolean serving(String networkId) {
        return byNetwork.containsKey(networkId);
    }

    void register(Endpoint e, List<String> upstreams) {
        Served s = byNetwork.get(e.networkId());
        if (s != null) {
            s.names().add(e.ipAddress(), e.dnsNames());
            s.names().setUpstreams(e.ipAddress(), upstreams);
        }
    }

    void unregister(Endpoint e) {
        Served s = byNetwork.get(e.networkId());
        if (s != null) {
            s.names().remove(e.ipAddress());
        }
    }

    @Override
    public void close() {
        byNetwork.values().forEach(s -> s.server().close());
        byNetwork.clear();
    }
}
