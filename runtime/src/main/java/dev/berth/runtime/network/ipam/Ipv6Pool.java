package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IPv6 leases of one network, on disk before an address is handed out, as {@link AddressPool} keeps IPv4's.
 * A /64 has more addresses than can be walked, so the next address is the one after the last handed out, and only
 * a full wrap-around would meet a lease.
 */
public final class Ipv6Pool {
    /** How many addresses to try past the last one before giving up (leases are few; a range is huge). */
    private static final int PROBES = 65_536;

    private final LeaseFile file;
    private final Cidr6 subnet;
    private final Cidr6 range;
    private final Ipv6 gateway;
    private final TreeMap<Ipv6, String> leases = new TreeMap<>();
    private Ipv6 lastAllocated;

    public Ipv6Pool(Path file, Cidr6 subnet, Cidr6 range, Ipv6 gateway) {
        if (!subnet.encloses(range)) {
            throw new InvalidArgumentException("ip-range " + range + " is not inside subnet " + subnet);
        }
        this.file = new LeaseFile(file);
        this.subnet = subnet;
        this.range = range;
        this.gateway = gateway;
        LeaseFile.State state = this.file.read();
        state.leases().forEach((ip, owner) -> leases.put(Ipv6.parse(ip), owner));
        lastAllocated = state.last() == null ? null : Ipv6.parse(state.last());
    }

    /** Leases {@code requested}, or the next free address when it is null. */
    public synchronized Ipv6 allocate(String owner, Ipv6 requested) {
        Ipv6 ip = requested == null ? nextFree() : checkRequested(requested);
        leases.put(ip, owner);
        Ipv6 previous = lastAllocated;
        if (requested == null) {
            lastAllocated = ip;
        }
        try {
            save();
        } catch (RuntimeException e) {
            leases.remove(ip);
            lastAllocated = previous;
            throw e;
        }
        return ip;
    }

    private Ipv6 checkRequested(Ipv6 ip) {
        if (!subnet.contains(ip)) {
            throw new InvalidArgumentException("requested address " + ip + " is not in subnet " + subnet);
        }
        if (ip.equals(subnet.base()) || ip.equals(gateway)) {
            throw new InvalidArgumentException("requested address " + ip + " is reserved in subnet " + subnet);
        }
        String holder = leases.get(ip);
        if (holder != null) {
            throw new ConflictException("Address already in use: " + ip + " is leased to " + holder);
        }
        return ip;
    }

    private Ipv6 nextFree() {
        BigInteger size = range.size();
        BigInteger start = lastAllocated != null && range.contains(lastAllocated)
                ? lastAllocated.bits().subtract(range.base().bits()).add(BigInteger.ONE) : BigInteger.ZERO;
        for (int i = 0; i < PROBES; i++) {
            Ipv6 ip = range.base().plus(start.add(BigInteger.valueOf(i)).mod(size));
            if (!ip.equals(subnet.base()) && !ip.equals(gateway) && !leases.containsKey(ip)) {
                return ip;
            }
        }
        throw new ConflictException("no available IPv6 addresses on this network's address pools: " + subnet);
    }

    /** Gives {@code ip} back if {@code owner} holds it. */
    public synchronized void release(Ipv6 ip, String owner) {
        if (owner.equals(leases.get(ip))) {
            leases.remove(ip);
            save();
        }
    }

    /** Releases the leases of owners not in {@code live} (containers gone while the engine was down). */
    public synchronized void releaseAllBut(java.util.Set<String> live) {
        if (leases.values().removeIf(owner -> !live.contains(owner))) {
            save();
        }
    }

    public Cidr6 subnet() {
        return subnet;
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
