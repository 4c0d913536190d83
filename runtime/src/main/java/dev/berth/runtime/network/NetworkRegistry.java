package dev.berth.runtime.network;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.network.ipam.AddressPool;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.Cidr6;
import dev.berth.runtime.network.ipam.Ipv6;
import dev.berth.runtime.network.ipam.Ipv6Pool;
import dev.berth.runtime.network.ipam.Ipv4;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The known networks and their address pools, with Docker's lookup rules: full ID, then exact name, then unique ID prefix. */
final class NetworkRegistry {
    private final NetworkStore store;
    private final Map<String, Network> byId = new LinkedHashMap<>();
    private final Map<String, AddressPool> pools = new LinkedHashMap<>();
    private final Map<String, Ipv6Pool> pools6 = new LinkedHashMap<>();

    NetworkRegistry(NetworkStore store) {
        this.store = store;
    }

    void load() {
        for (Network n : store.loadNetworks()) {
            put(n);
        }
    }

    /** Adds (and persists) a network, opening its address pool. */
    void add(Network n) {
        store.save(n);
        put(n);
    }

    private void put(Network n) {
        byId.put(n.id(), n);
        if (n.subnet() != null) {
            Cidr subnet = Cidr.parse(n.subnet());
            Cidr range = n.ipRange() == null ? subnet : Cidr.parse(n.ipRange());
            pools.put(n.id(), new AddressPool(store.leaseFile(n.id()), subnet, range,
                    n.gateway() == null ? null : Ipv4.parse(n.gateway())));
        }
        if (n.ipv6() != null) {
            Cidr6 subnet = Cidr6.parse(n.ipv6().subnet());
            pools6.put(n.id(), new Ipv6Pool(store.leaseFile(n.id() + ".v6"), subnet,
                    n.ipv6().range() == null ? subnet : Cidr6.parse(n.ipv6().range()), Ipv6.parse(n.ipv6().gateway())));
        }
    }

    /** Forgets a network: record and lease file. */
    void remove(Network n) {
        Ipv6Pool pool6 = pools6.remove(n.id());
        if (pool6 != null) {
            pool6.destroy();
        }
        AddressPool pool = pools.remove(n.id());
        if (pool != null) {
            pool.destroy();
        }
        store.delete(n);
        byId.remove(n.id());
    }

    Collection<Network> all() {
        return List.copyOf(byId.values());
    }

    AddressPool pool(String networkId) {
        return pools.get(networkId);
    }

    /** The IPv6 leases of an IPv6 network, null for an IPv4-only one. */
    Ipv6Pool pool6(String networkId) {
        return pools6.get(networkId);
    }

    Network byName(String name) {
        return byId.values().stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }

    /** Resolves a name, ID or unique ID prefix; NotFound otherwise, Conflict if a prefix is ambiguous. */
    Network find(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new NotFoundException("network name or ID is empty");
        }
        Network n = byId.get(ref);
        if (n != null) {
            return n;
        }
        n = byName(ref);
        if (n != null) {
            return n;
        }
        List<Network> prefixed = new ArrayList<>();
        for (Network c : byId.values()) {
            if (c.id().startsWith(ref)) {
                prefixed.add(c);
            }
        }
        if (prefixed.size() > 1) {
            throw new ConflictException(
                    "network " + ref + " is ambiguous (" + prefixed.size() + " matches found based on ID prefix)");
        }
        if (prefixed.isEmpty()) {
            throw new NotFoundException("network " + ref + " not found");
        }
        return prefixed.getFirst();
    }

    /** Subnets taken by our networks. */
    List<Cidr> subnets() {
        return byId.values().stream().filter(n -> n.subnet() != null).map(n -> Cidr.parse(n.subnet())).toList();
    }

    /** The network using Linux bridge {@code bridge}, or null. */
    Network byBridge(String bridge) {
        return byId.values().stream().filter(n -> bridge.equals(n.bridge())).findFirst().orElse(null);
    }
}
