package dev.berth.runtime.network;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.network.host.Links;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.Cidr6;
import dev.berth.runtime.network.ipam.Ipv6;
import dev.berth.runtime.network.ipam.Ipv4;
import dev.berth.runtime.network.ipam.SubnetPicker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a create request against Docker's rules and the host, and turns it into a {@link Network} record. */
final class NetworkSpec {
    private static final Pattern NAME = Pattern.compile("[^/\\p{Cntrl}]+");
    /** Interface names of other engines Berth must never adopt. */
    private static final List<String> FOREIGN_BRIDGES = List.of("docker0", "podman0", "cni0", "virbr0", "lxcbr0");

    private final NetworkRegistry registry;
    private final Links links;
    private final NetworkConfig config;

    NetworkSpec(NetworkRegistry registry, Links links, NetworkConfig config) {
        this.registry = registry;
        this.links = links;
        this.config = config;
    }

    Network build(NetworkCreateRequest req) {
        String name = req.name();
        if (name == null || name.isBlank()) {
            throw new InvalidArgumentException("network name is required");
        }
        if (!NAME.matcher(name).matches()) {
            // dockerd takes any name ("test 01" too); one with a slash or a control character could not be named in
            // a request path or a terminal, so those alone are refused.
            throw new InvalidArgumentException(
                    "invalid network name \"" + name + "\": it must not contain '/' or control characters");
        }
        if (registry.byName(name) != null) {
            throw new ConflictException("network with name " + name + " already exists");
        }
        String driver = req.driver() == null || req.driver().isBlank() ? "bridge" : req.driver();
        if (driver.equals("host") || driver.equals("null")) {
            throw new ForbiddenException("only one instance of \"" + driver + "\" network is allowed");
        }
        if (!driver.equals("bridge")) {
            throw new NotFoundException("plugin \"" + driver + "\" not found");
        }
        if (req.ipv6() != null && !req.enableIpv6()) {
            throw new InvalidArgumentException(
                    "an IPv6 pool needs an IPv6 network: create it with --ipv6 (EnableIPv6)");
        }
        String id = EndpointWiring.randomId();
        Cidr subnet = subnet(req);
        Ipv4 gateway = gateway(req, subnet);
        Cidr range = null;
        if (req.ipRange() != null && !req.ipRange().isBlank()) {
            range = Cidr.parse(req.ipRange());
            if (!subnet.encloses(range)) {
                throw new InvalidArgumentException("ip-range " + range + " is not inside subnet " + subnet);
            }
        }
        Map<String, String> options = new HashMap<>(req.options());
        String bridge = bridgeName(options.get(BridgeOptions.NAME), id);
        if (options.containsKey(BridgeOptions.MTU)) {
            try {
                int mtu = Integer.parseInt(options.get(BridgeOptions.MTU).trim());
                if (mtu != 0 && (mtu < 68 || mtu > 65535)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("invalid MTU " + options.get(BridgeOptions.MTU));
            }
        }
        return new Network(id, name, driver, Instant.now().toString(), subnet.toString(), gateway.toString(),
                range == null ? null : range.toString(), req.internal(), req.attachable(), req.labels(), options,
                bridge,
                req.subnet() != null && !req.subnet().isBlank(), req.enableIpv6() ? ipv6(req, id) : null);
    }

    /**
     * The IPv6 pool: the one asked for, checked, else a unique local /64 made from the network's ID (as Docker 27
     * does; dockerd 20.10 refused {@code --ipv6} without a subnet).
     */
    private Network.Ipv6Settings ipv6(NetworkCreateRequest req, String id) {
        Network.Ipv6Settings asked = req.ipv6();
        Cidr6 subnet = asked == null || asked.subnet() == null
                ? Cidr6.parse(
                        "fd" + id.substring(0, 2) + ":" + id.substring(2, 6) + ":" + id.substring(6, 10) + "::/64")
                : Cidr6.parse(asked.subnet());
        if (subnet.prefix() > 126) {
            throw new InvalidArgumentException("subnet " + subnet + " is too small for a bridge network");
        }
        for (Network other : registry.all()) {
            if (other.ipv6() != null && Cidr6.parse(other.ipv6().subnet()).overlaps(subnet)) {
                throw new ForbiddenException(
                        "Pool overlaps with other one on this address space (" + other.ipv6().subnet() + ")");
            }
        }
        Ipv6 gateway = asked == null || asked.gateway() == null ? subnet.firstHost() : Ipv6.parse(asked.gateway());
        if (!subnet.contains(gateway) || gateway.equals(subnet.base())) {
            throw new InvalidArgumentException("gateway " + gateway + " is not a host address of subnet " + subnet);
        }
        String range = null;
        if (asked != null && asked.range() != null) {
            Cidr6 r = Cidr6.parse(asked.range());
            if (!subnet.encloses(r)) {
                throw new InvalidArgumentException("ip-range " + r + " is not inside subnet " + subnet);
            }
            range = r.toString();
        }
        return new Network.Ipv6Settings(subnet.toString(), gateway.toString(), range);
    }

    private Cidr subnet(NetworkCreateRequest req) {
        List<Cidr> taken = new ArrayList<>(registry.subnets());
        if (req.subnet() != null && !req.subnet().isBlank()) {
            Cidr s = Cidr.parse(req.subnet());
            if (s.prefix() > 30) {
                throw new InvalidArgumentException("subnet " + s + " is too small for a bridge network");
            }
            for (Cidr t : taken) {
                if (t.overlaps(s)) {
                    throw new ForbiddenException("Pool overlaps with other one on this address space (" + t + ")");
                }
            }
            return s;
        }
        for (String route : links.hostRoutes()) {
            try {
                taken.add(Cidr.parse(normalizeRoute(route)));
            } catch (InvalidArgumentException ignored) {
                // a route we cannot read as IPv4 CIDR cannot clash with an IPv4 pool
            }
        }
        return new SubnetPicker(config.pools()).pick(taken);
    }

    private static String normalizeRoute(String route) {
        int slash = route.indexOf('/');
        Ipv4 ip = Ipv4.parse(route.substring(0, slash));
        return new Cidr(ip, Integer.parseInt(route.substring(slash + 1))).toString();
    }

    private static Ipv4 gateway(NetworkCreateRequest req, Cidr subnet) {
        if (req.gateway() == null || req.gateway().isBlank()) {
            return subnet.firstHost();
        }
        Ipv4 gw = Ipv4.parse(req.gateway());
        if (!subnet.contains(gw) || gw.equals(subnet.base()) || gw.equals(subnet.last())) {
            throw new InvalidArgumentException("gateway " + gw + " is not a host address of subnet " + subnet);
        }
        return gw;
    }

    private String bridgeName(String requested, String id) {
        if (requested == null || requested.isBlank()) {
            return "berth-" + id.substring(0, 9);
        }
        if (requested.length() > 15 || !requested.matches("[a-zA-Z0-9_.-]+")) {
            throw new InvalidArgumentException("invalid bridge name " + requested + ": at most 15 of [a-zA-Z0-9_.-]");
        }
        Network owner = registry.byBridge(requested);
        if (owner != null) {
            throw new ConflictException("bridge " + requested + " is already used by network " + owner.name());
        }
        // Never adopt an interface that is not ours (docker0 of a dockerd on the same host, say).
        if (FOREIGN_BRIDGES.contains(requested) || links.exists(requested)) {
            throw new ConflictException(
                    "interface " + requested + " already exists on the host and does not belong to berthd");
        }
        return requested;
    }
}
