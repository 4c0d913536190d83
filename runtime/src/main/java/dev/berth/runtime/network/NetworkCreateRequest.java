package dev.berth.runtime.network;

import java.util.Map;

/**
 * What {@code docker network create} asks for. Null subnet means one from the default pools; null gateway the
 * subnet's first host; null ipRange the whole subnet.
 */
public record NetworkCreateRequest(String name, String driver, String subnet, String gateway, String ipRange,
        boolean internal, boolean attachable, boolean enableIpv6,
        Map<String, String> labels, Map<String, String> options, Network.Ipv6Settings ipv6) {
    public NetworkCreateRequest(String name, String driver, String subnet, String gateway, String ipRange,
            boolean internal, boolean attachable, boolean enableIpv6,
            Map<String, String> labels, Map<String, String> options) {
        this(name, driver, subnet, gateway, ipRange, internal, attachable, enableIpv6, labels, options, null);
    }

    public NetworkCreateRequest {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A bridge network with a subnet from the pools and no options. */
    public static NetworkCreateRequest bridge(String name) {
        return new NetworkCreateRequest(name, "bridge", null, null, null, false, false, false, Map.of(), Map.of());
    }
}
