package dev.berth.runtime.network;

import dev.berth.runtime.network.dns.DnsServer;
import dev.berth.runtime.network.dns.NameTable;
import dev.berth.runtime.network.dns.ResolvConf;
import dev.berth.runtime.network.dns.Resolver;
import dev.berth.runtime.network.dns.Upstream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Which container holds an address on a network ("networkId ip"), and which networks each container is on. */
    private final Map<String, String> containerAt = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> networksOf = new ConcurrentHashMap<>();

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
        Resolver resolver = new Resolver(names, clientIp -> scope(n.id(), names, clientIp), !n.internal(),
                () -> hostResolvConf().ipv4Nameservers(), upstream);
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

    /**
     * The name tables a query from {@code clientIp} on network {@code networkId} is answered from: that network's,
     * then those of the other networks the same container is connected to (a container started on the default bridge
     * and connected to a user network resolves that network's names through the server it already uses).
     */
    private List<NameTable> scope(String networkId, NameTable own, String clientIp) {
        String container = containerAt.get(networkId + " " + clientIp);
        Set<String> networks = container == null ? null : networksOf.get(container);
        if (networks == null) {
            return List.of(own);
        }
        List<NameTable> tables = new ArrayList<>(List.of(own));
        for (String other : networks) {
            Served s = byNetwork.get(other);
            if (!other.equals(networkId) && s != null) {
                tables.add(s.names());
            }
        }
        return tables;
    }

    void register(Endpoint e, String containerId, List<String> upstreams) {
        containerAt.put(e.networkId() + " " + e.ipAddress(), containerId);
        networksOf.computeIfAbsent(containerId, k -> ConcurrentHashMap.newKeySet()).add(e.networkId());
        Served s = byNetwork.get(e.networkId());
        if (s != null) {
            s.names().add(e.ipAddress(), e.dnsNames());
            s.names().setUpstreams(e.ipAddress(), upstreams);
            s.names().setLinks(e.ipAddress(), EndpointRequest.aliasesOf(e.links()));
            s.names().setIpv6(e.ipAddress(), e.ipv6Address());
        }
    }

    void unregister(Endpoint e, String containerId) {
        containerAt.remove(e.networkId() + " " + e.ipAddress(), containerId);
        networksOf.computeIfPresent(containerId, (k, set) -> {
            set.remove(e.networkId());
            return set.isEmpty() ? null : set;
        });
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
