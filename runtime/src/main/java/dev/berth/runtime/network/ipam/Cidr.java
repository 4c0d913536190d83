package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.InvalidArgumentException;

/** An IPv4 prefix such as {@code 172.30.0.0/16}; the base is always the network address. */
public record Cidr(Ipv4 base, int prefix) {

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new InvalidArgumentException("invalid prefix length /" + prefix);
        }
        base = new Ipv4(base.bits() & mask(prefix));
    }

    /** Parses {@code a.b.c.d/n}; host bits are rejected like Docker does ("invalid subnet"). */
    public static Cidr parse(String text) {
        if (text == null || !text.contains("/")) {
            throw new InvalidArgumentException("invalid CIDR address: " + text);
        }
        int slash = text.indexOf('/');
        Ipv4 ip = Ipv4.parse(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid CIDR address: " + text);
        }
        Cidr cidr = new Cidr(ip, prefix);
        if (!cidr.base().equals(ip)) {
            throw new InvalidArgumentException("invalid subnet " + text + ": it should be " + cidr);
        }
        return cidr;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** Number of addresses in the prefix, network and broadcast included. */
    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean contains(Ipv4 ip) {
        return (ip.bits() & mask(prefix)) == base.bits();
    }

    /** True if the prefixes share any address. */
    public boolean overlaps(Cidr other) {
        return contains(other.base) || other.contains(base);
    }

    /** True if all of {@code other} lies inside this prefix. */
    public boolean encloses(Cidr other) {
        return other.prefix >= prefix && contains(other.base);
    }

    /** The last address of the prefix (broadcast for a subnet). */
    public Ipv4 last() {
        return base.plus(size() - 1);
    }

    /** The first usable host address (the usual gateway). */
    public Ipv4 firstHost() {
        return base.plus(prefix >= 31 ? 0 : 1);
    }

    @Override
    public String toString() {
        return base + "/" + prefix;
    }
}
