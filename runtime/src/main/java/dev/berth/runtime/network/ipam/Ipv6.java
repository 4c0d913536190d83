package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IPv6 address as a 128-bit number; printed in the short form of RFC 5952, as Go (and so dockerd) prints it. */
public record Ipv6(BigInteger bits) implements Comparable<Ipv6> {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    /** Only hex digits, colons and (for an embedded IPv4 tail) dots: never a host name to look up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    public Ipv6 {
        if (bits.signum() < 0 || bits.compareTo(MAX) > 0) {
            throw new InvalidArgumentException("not an IPv6 address: " + bits);
        }
    }

    public static boolean looksLikeIpv6(String text) {
        return text != null && text.contains(":");
    }

    public static Ipv6 parse(String text) {
        if (text == null || !text.contains(":") || !LITERAL.matcher(text.strip()).matches()) {
            throw new InvalidArgumentException("invalid IPv6 address: " + text);
        }
        try {
            byte[] raw = InetAddress.getByName(text.strip()).getAddress();
            if (raw.length != 16) {
                throw new InvalidArgumentException("invalid IPv6 address: " + text);
            }
            return new Ipv6(new BigInteger(1, raw));
        } catch (UnknownHostException e) {
            throw new InvalidArgumentException("invalid IPv6 address: " + text);
        }
    }

    public Ipv6 plus(BigInteger n) {
        return new Ipv6(bits.add(n));
    }

    /** The 16 bytes, for DNS AAAA records. */
    public byte[] bytes() {
        byte[] raw = bits.toByteArray();
        byte[] out = new byte[16];
        int copy = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - copy, out, 16 - copy, copy);
        return out;
    }

    @Override
    public int compareTo(Ipv6 o) {
        return bits.compareTo(o.bits);
    }

    /** Lower case, leading zeros dropped, the longest run of two or more zero groups (the first of equals) as "::". */
    @Override
    public String toString() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = bits.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
