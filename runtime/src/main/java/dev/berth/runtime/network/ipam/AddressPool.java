package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The address leases of one network, persisted in one JSON file that is rewritten atomically before an
 * address is handed out, so an address is never given to two owners, not even across a crash or restart.
 * New addresses are taken after the last one handed out (like libnetwork's bitseq), so that an address
 * just released is not reused at once by the next container while stale ARP/DNS entries linger.
 */
public final class AddressPool {
    private final LeaseFile file;
    private final Cidr subnet;
    private final Cidr range;
    private final Ipv4 gateway;
    private final TreeMap<Ipv4, String> leases = new TreeMap<>();
    private Ipv4 lastAllocated;

    /**
     * @param range   the part of the subnet to allocate from ({@code --ip-range}), or the subnet itself
     * @param gateway an address never handed out (may be null for none)
     */
    public AddressPool(Path file, Cidr subnet, Cidr range, Ipv4 gateway) {
        if (!subnet.encloses(range)) {
            throw new InvalidArgumentException("ip-range " + range + " is not inside subnet " + subnet);
        }
        this.file = new LeaseFile(file);
        this.subnet = subnet;
        this.range = range;
        this.gateway = gateway;
        load();
    }

    private void load() {
        LeaseFile.State state = file.read();
        state.leases().forEach((ip, owner) -> leases.put(Ipv4.parse(ip), owner));
        lastAllocated = state.last() == null ? null : Ipv4.parse(state.last());
    }

    /** Leases {@code requested}, or the next free address when it is null; the lease is on disk before this returns. */
    public synchronized Ipv4 allocate(String owner, Ipv4 requested) {
        Ipv4 ip = requested == null ? nextFree() : checkRequested(requested);
        leases.put(ip, owner);
        if (requested == null) {
            lastAllocated = ip;
        }
        try {
            save();
        } catch (RuntimeException e) {
            leases.remove(ip);
            throw e;
        }
        return ip;
    }

    private Ipv4 checkRequested(Ipv4 ip) {
        if (!subnet.contains(ip)) {
            throw new InvalidArgumentException("requested address " + ip + " is not in subnet " + subnet);
        }
        if (ip.equals(subnet.base()) || (subnet.prefix() < 31 && ip.equals(subnet.last())) || ip.equals(gateway)) {
            throw new InvalidArgumentException("requested address " + ip + " is reserved in subnet " + subnet);
        }
        String holder = leases.get(ip);
        if (holder != null) {
            throw new ConflictException("Address already in use: " + ip + " is leased to " + holder);
        }
        return ip;
    }

    private Ipv4 nextFree() {
        long size = range.size();
        long start = lastAllocated != null && range.contains(lastAllocated)
                ? lastAllocated.unsigned() - range.base().unsigned() + 1 : 0;
        for (long i = 0; i < size; i++) {
            Ipv4 ip = range.base().plus((start + i) % size);
            if (usable(ip) && !leases.containsKey(ip)) {
                return ip;
            }
        }
        throw new ConflictException("no available IPv4 addresses on this network's address pools: " + subnet
                + (range.equals(subnet) ? "" : " (range " + range + ")"));
    }

    private boolean usable(Ipv4 ip) {
        if (ip.equals(gateway)) {
            return false;
        }
        if (subnet.prefix() >= 31) {
            return true;
        }
        return !ip.equals(subnet.base()) && !ip.equals(subnet.last());
    }

    /** Gives {@code ip} back if {@code owner} holds it; returns whether anything was released. */
    public synchronized boolean release(Ipv4 ip, String owner) {
        if (!owner.equals(leases.get(ip))) {
            return false;
        }
        leases.remove(ip);
        save();
        return true;
    }

    /** Releases every address held by {@code owner}; returns how many. */
    public synchronized int releaseAll(String owner) {
        int before = leases.size();
        leases.values().removeIf(owner::equals);
        int released = before - leases.size();
        if (released > 0) {
            save();
        }
        return released;
    }

    /** A copy of the current leases, address to owner. */
    public synchronized Map<Ipv4, String> leases() {
        return new TreeMap<>(leases);
    }

    public Cidr subnet() {
        return subnet;
    }

    public Ipv4 gateway() {
        return gateway;
    }

    /** Deletes the lease file (the network is gone). */
    public synchronized void destroy() {
        leases.clear();
        file.delete();
    }

    private void save() {
        Map<String, String> out = new TreeMap<>();
        leases.forEach((ip, owner) -> out.put(ip.toString(), owner));
        file.write(out, lastAllocated == null ? null : lastAllocated.toString());
    }
}
