package dev.berth.runtime.image.registry;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which registries may be reached without verified TLS, like dockerd's {@code insecure-registries}:
 * entries are {@code host[:port]} or CIDR ranges; loopback ({@code localhost}, 127.0.0.0/8, ::1) always is.
 */
final class InsecureRegistries {
    private final Set<String> hosts;
    private final List<Cidr> ranges = new ArrayList<>();

    /** One CIDR range, compared as big integers so IPv4 and IPv6 share the code. */
    private record Cidr(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    InsecureRegistries(Set<String> entries) {
        Set<String> plain = new java.util.HashSet<>();
        for (String entry : entries) {
            String e = RegistryHosts.hostOf(entry).toLowerCase(Locale.ROOT);
            int slash = entry.indexOf('/');
            if (slash > 0 && !entry.contains("://") && isIpLiteral(entry.substring(0, slash))) {
                ranges.add(parseCidr(entry.strip()));
            } else {
                plain.add(e);
            }
        }
        this.hosts = Set.copyOf(plain);
    }

    /** True for {@code localhost}, 127.0.0.0/8 and ::1 written as literals: the registry is on this machine. */
    static boolean isLoopback(String host) {
        String name = hostWithoutPort(host).toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!isIpLiteral(name)) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True if {@code host[:port]} is configured insecure, by name or by an address inside a configured range. */
    boolean isInsecure(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (hosts.contains(lower) || hosts.contains(hostWithoutPort(lower))) {
            return true;
        }
        if (ranges.isEmpty()) {
            return false;
        }
        String name = hostWithoutPort(lower);
        try {
            // Like docker, a name counts as insecure if it resolves into an insecure range.
            for (InetAddress address : InetAddress.getAllByName(name)) {
                if (address.isLoopbackAddress() || ranges.stream().anyMatch(r -> r.contains(address))) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    /** {@code host} of {@code host[:port]}, including bracketed IPv6 literals (brackets removed). */
    static String hostWithoutPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close > 0 ? hostPort.substring(1, close) : hostPort;
        }
        int colon = hostPort.indexOf(':');
        // More than one colon without brackets: a bare IPv6 literal, no port.
        if (colon >= 0 && hostPort.indexOf(':', colon + 1) < 0) {
            return hostPort.substring(0, colon);
        }
        return hostPort;
    }

    private static boolean isIpLiteral(String s) {
        return s.matches("[0-9.]+") && s.chars().filter(c -> c == '.').count() == 3 || s.contains(":");
    }

    private static Cidr parseCidr(String text) {
        int slash = text.indexOf('/');
        try {
            byte[] network = InetAddress.getByName(text.substring(0, slash)).getAddress();
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("invalid CIDR " + text);
            }
            return new Cidr(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR " + text, e);
        }
    }
}
