package dev.berth.runtime.network.ports;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.network.ipam.Ipv4;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Parses the ways ports are asked for: the CLI's {@code -p} forms, the API's {@code PortBindings} entries
 * ({@code "80/tcp": [{"HostIp": "", "HostPort": ""}]}, an empty HostPort meaning ephemeral) and {@code -P}.
 */
public final class PortSpecs {
    private PortSpecs() {}

    /**
     * One {@code -p} value: {@code containerPort}, {@code hostPort:containerPort}, {@code ip:hostPort:containerPort} or
     * {@code ip::containerPort}, each optionally followed by {@code /tcp} or {@code /udp}.
     */
    public static PortBinding parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidArgumentException("empty port specification");
        }
        String rest = spec.trim();
        String proto = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            proto = protocol(rest.substring(slash + 1), spec);
            rest = rest.substring(0, slash);
        }
        if (rest.startsWith("[")) {
            throw new InvalidArgumentException(
                    "invalid port specification " + spec + ": IPv6 host addresses are not supported");
        }
        String[] parts = rest.split(":", -1);
        return switch (parts.length) {
            case 1 -> new PortBinding(null, null, port(parts[0], spec, false), proto);
            case 2 -> new PortBinding(null, hostPort(parts[0], spec), port(parts[1], spec, false), proto);
            case 3 ->
                new PortBinding(hostIp(parts[0], spec), hostPort(parts[1], spec), port(parts[2], spec, false), proto);
            default -> throw new InvalidArgumentException("invalid port specification: " + spec);
        };
    }

    /** One entry of the API's {@code PortBindings}: key {@code 80/tcp}, HostIp and HostPort as sent (either may be empty or null). */
    public static PortBinding fromApi(String portKey, String hostIp, String hostPort) {
        String[] kp = portKey.split("/", -1);
        if (kp.length > 2) {
            throw new InvalidArgumentException("invalid port " + portKey);
        }
        String proto = kp.length == 2 ? protocol(kp[1], portKey) : "tcp";
        int containerPort = port(kp[0], portKey, false);
        return new PortBinding(hostIp(hostIp == null ? "" : hostIp, portKey),
                hostPort == null ? null : hostPort(hostPort, portKey), containerPort, proto);
    }

    /** {@code -P}: every exposed port ({@code 80/tcp} or {@code 80}) on an ephemeral host port. */
    public static List<PortBinding> publishAll(Collection<String> exposedPorts) {
        List<PortBinding> out = new ArrayList<>();
        for (String key : exposedPorts) {
            out.add(fromApi(key, null, null));
        }
        return out;
    }

    private static String protocol(String p, String spec) {
        String proto = p.toLowerCase(Locale.ROOT);
        if (!proto.equals("tcp") && !proto.equals("udp")) {
            throw new InvalidArgumentException(
                    "invalid proto '" + p + "' in " + spec + ": only tcp and udp are supported");
        }
        return proto;
    }

    private static String hostIp(String ip, String spec) {
        if (ip.isEmpty()) {
            return null;
        }
        try {
            return Ipv4.parse(ip).toString();
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException("invalid IP address " + ip + " in port specification " + spec);
        }
    }

    private static Integer hostPort(String p, String spec) {
        return p.isEmpty() ? null : port(p, spec, true);
    }

    private static int port(String p, String spec, boolean host) {
        if (p.contains("-")) {
            throw new InvalidArgumentException(
                    "invalid port specification " + spec + ": port ranges are not supported");
        }
        int n;
        try {
            n = Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(
                    "invalid " + (host ? "host" : "container") + "Port: " + p + " in " + spec);
        }
        // Host port 0 is the API's other way of saying "ephemeral", so it is accepted there only.
        if (n < (host ? 0 : 1) || n > 65535) {
            throw new InvalidArgumentException(
                    "invalid " + (host ? "host" : "container") + "Port: " + p + " in " + spec);
        }
        return n;
    }
}
