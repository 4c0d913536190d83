package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.math.BigInteger;

/** An IPv6 prefix such as {@code 2001:db8::/64}; the base is always the network address. */
public record Cidr6(Ipv6 base, int prefix) {
    public Cidr6 {
        if (prefix < 0 || prefix > 128) {
            throw new InvalidArgumentException("invalid prefix length /" + prefix);
        }
        base = new Ipv6(base.bits().and(mask(prefix)));
    }

    /** Parses {@code addr/n}; host bits are rejected as for IPv4. */
    public static Cidr6 parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new InvalidArgumentException("invalid CIDR address: " + text);
        }
        Ipv6 ip = Ipv6.parse(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid CIDR address: " + text);
        }
        Cidr6 cidr = new Cidr6(ip, prefix);
        if (!cidr.base().equals(ip)) {
            throw new InvalidArgumentException("invalid subnet " + text + ": it should be " + cidr);
        }
        return cidr;
    }

    private static BigInteger mask(int prefix) {
        BigInteger all = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        return all.shiftRight(128 - prefix).shiftLeft(128 - prefix);
    }

    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(128 - prefix);
    }

    public boolean contains(Ipv6 ip) {
        return ip.bits().and(mask(prefix)).equals(base.bits());
    }

    public boolean overlaps(Cidr6 other) {
        return contains(other.base) || other.contains(base);
    }

    public boolean encloses(Cidr6 other) {
        return other.prefix >= prefix && contains(other.base);
    }

    /** The subnet's first address after the network address: the default gateway. */
    public Ipv6 firstHost() {
        return base.plus(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return base + "/" + prefix;
    }
}
