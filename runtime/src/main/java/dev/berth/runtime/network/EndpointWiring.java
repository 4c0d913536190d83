package dev.berth.runtime.network;

import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.network.host.Links;
import dev.berth.runtime.network.ipam.AddressPool;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.Cidr6;
import dev.berth.runtime.network.ipam.Ipv6;
import dev.berth.runtime.network.ipam.Ipv6Pool;
import dev.berth.runtime.network.ipam.Ipv4;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/** Builds and tears down one endpoint: address lease, veth pair into the container's namespace, DNS names. */
final class EndpointWiring {
    private final NetworkRegistry registry;
    private final Links links;
    private final NetworkDns dns;
    private final EngineTag tag;

    EndpointWiring(NetworkRegistry registry, Links links, NetworkDns dns, EngineTag tag) {
        this.registry = registry;
        this.links = links;
        this.dns = dns;
        this.tag = tag;
    }

    /**
     * Connects the container to bridge network {@code n} as {@code ifName}; the default route goes via this network when
     * {@code defaultRoute}. Either everything is in place afterwards or nothing is (lease released, veth deleted).
     */
    Endpoint connect(Network n, String containerId, String containerName, String netnsPath, String ifName,
            EndpointRequest req, boolean defaultRoute, List<String> dnsServers) {
        if (!n.hasBridge()) {
            throw new ForbiddenException(
                    "container cannot be connected to network " + n.name() + " with other networks");
        }
        Ipv4 requested = null;
        if (req.ipv4Address() != null && !req.ipv4Address().isBlank()) {
            if (!n.userSubnet()) {
                throw new InvalidArgumentException(
                        "user specified IP address is supported only when connecting to networks with user configured subnets");
            }
            requested = Ipv4.parse(req.ipv4Address());
        }
        if (req.ipv6Address() != null && !n.enableIpv6()) {
            throw new InvalidArgumentException(
                    "user specified IPv6 address is supported only on networks created with --ipv6");
        }
        AddressPool pool = registry.pool(n.id());
        Ipv4 ip = pool.allocate(containerId, requested);
        Cidr subnet = pool.subnet();
        Ipv6Pool pool6 = registry.pool6(n.id());
        Ipv6 ip6;
        try {
            ip6 = pool6 == null ? null
                    : pool6.allocate(containerId, req.ipv6Address() == null ? null : Ipv6.parse(req.ipv6Address()));
        } catch (RuntimeException e) {
            pool.release(ip, containerId);
            throw e;
        }
        String hostVeth = vethName(tag, containerId, n.id());
        String mac = req.macAddress() != null ? req.macAddress() : macFor(ip);
        try {
            links.addVeth(hostVeth, n.bridge(), n.mtu(), netnsPath, ifName, mac, ip + "/" + subnet.prefix(),
                    defaultRoute && !n.internal() ? n.gateway() : null, ipv6Wiring(n, ip6, defaultRoute));
        } catch (RuntimeException e) {
            pool.release(ip, containerId);
            if (ip6 != null) {
                pool6.release(ip6, containerId);
            }
            throw e;
        }
        List<String> names = n.resolvesNames() ? dnsNames(containerId, containerName, req.aliases()) : List.of();
        Endpoint e = new Endpoint(n.id(), n.name(), randomId(), ifName, hostVeth, ip.toString(), subnet.prefix(),
                n.gateway(), mac, req.aliases(), names, req.links(), ip6 == null ? null : ip6.toString(),
                ip6 == null ? 0 : pool6.subnet().prefix(), ip6 == null ? null : n.ipv6().gateway());
        dns.register(e, containerId, dnsServers);
        return e;
    }

    /** Removes an endpoint; safe to call for one half torn down already (after a crash). */
    void disconnect(Endpoint e, String containerId) {
        dns.unregister(e, containerId);
        links.delete(e.hostVeth());
        AddressPool pool = registry.pool(e.networkId());
        if (pool != null) {
            pool.release(Ipv4.parse(e.ipAddress()), containerId);
        }
        Ipv6Pool pool6 = registry.pool6(e.networkId());
        if (pool6 != null && e.ipv6Address() != null) {
            pool6.release(Ipv6.parse(e.ipv6Address()), containerId);
        }
    }

    /** Re-creates a veth that vanished while the container's namespace still exists (reconcile). */
    void rewire(Network n, Endpoint e, String netnsPath, boolean defaultRoute) {
        links.addVeth(e.hostVeth(), n.bridge(), n.mtu(), netnsPath, e.interfaceName(), e.macAddress(),
                e.ipAddress() + "/" + e.prefixLength(), defaultRoute && !n.internal() ? n.gateway() : null,
                ipv6Wiring(n, e.ipv6Address() == null ? null : Ipv6.parse(e.ipv6Address()), defaultRoute));
    }

    private static Links.Ipv6Address ipv6Wiring(Network n, Ipv6 ip6, boolean defaultRoute) {
        if (ip6 == null) {
            return null;
        }
        return new Links.Ipv6Address(ip6 + "/" + Cidr6.parse(n.ipv6().subnet()).prefix(),
                defaultRoute && !n.internal() ? n.ipv6().gateway() : null);
    }

    /** Names on a user network: the container name, its short ID and the aliases (Docker's DNSNames). */
    static List<String> dnsNames(String containerId, String containerName, List<String> aliases) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (containerName != null && !containerName.isBlank()) {
            names.add(containerName.startsWith("/") ? containerName.substring(1) : containerName);
        }
        names.add(containerId.length() > 12 ? containerId.substring(0, 12) : containerId);
        names.addAll(aliases);
        return new ArrayList<>(names);
    }

    /**
     * A host-side veth name: the engine's prefix and a hash of container and network, so it is the same after a
     * restart. 14 characters, so that the temporary peer name (one more) fits Linux's 15.
     */
    static String vethName(EngineTag tag, String containerId, String networkId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((containerId + "/" + networkId).getBytes(StandardCharsets.UTF_8));
            return tag.vethPrefix() + HexFormat.of().formatHex(h).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Docker's MAC scheme, 02:42 followed by the IPv4 address: unique as long as the address is, and locally administered. */
    static String macFor(Ipv4 ip) {
        byte[] b = ip.bytes();
        return String.format("02:42:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3]);
    }

    static String randomId() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
