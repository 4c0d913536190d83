package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.InvalidArgumentException;

/** An IPv4 address as an unsigned 32-bit number, so that ranges are plain arithmetic. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

    /** Parses dotted-quad notation; anything else is an InvalidArgumentException. */
    public static Ipv4 parse(String text) {
        if (text == null) {
            throw new InvalidArgumentException("missing IPv4 address");
        }
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidArgumentException("invalid IPv4 address: " + text);
        }
        int bits = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new InvalidArgumentException("invalid IPv4 address: " + text);
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw new InvalidArgumentException("invalid IPv4 address: " + text);
            }
            bits = (bits << 8) | octet;
        }
        return new Ipv4(bits);
    }

    /** The address {@code n} further on (wrapping is the caller's concern). */
    public Ipv4 plus(long n) {
        return new Ipv4((int) (unsigned() + n));
    }

    /** The address as an unsigned value. */
    public long unsigned() {
        return Integer.toUnsignedLong(bits);
    }

    /** The four bytes, most significant first (network order). */
    public byte[] bytes() {
        return new byte[]{(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    /** True for 127.0.0.0/8. */
    public boolean isLoopback() {
        return (bits >>> 24) == 127;
    }

    @Override
    public int compareTo(Ipv4 o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }
}
