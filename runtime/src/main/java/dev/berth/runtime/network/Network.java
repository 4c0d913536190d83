package dev.berth.runtime.network;

import java.util.Map;

/**
 * A network as persisted in {@code <data-root>/networks/records/<id>.json}.
 *
 * @param driver   {@code bridge}, {@code host} or {@code null} (Docker's names)
 * @param subnet   CIDR, null for host/none
 * @param ipRange  the part of the subnet containers get addresses from, null for the whole subnet
 * @param bridge   the Linux bridge's name, null for host/none
 * @param userSubnet true if the creator chose the subnet (static container addresses are allowed only then)
 * @param ipv6       the IPv6 pool of a network created with {@code --ipv6}, null for an IPv4-only one
 */
public record Network(String id, String name, String driver, String created, String subnet, String gateway,
        String ipRange, boolean internal, boolean attachable, Map<String, String> labels,
        Map<String, String> options, String bridge, boolean userSubnet, Ipv6Settings ipv6) {
    /** An IPv6 pool as the record keeps it: subnet, gateway, and the range addresses come from (null: the subnet). */
    public record Ipv6Settings(String subnet, String gateway, String range) {}

    public Network(String id, String name, String driver, String created, String subnet, String gateway,
            String ipRange, boolean internal, boolean attachable, Map<String, String> labels,
            Map<String, String> options, String bridge, boolean userSubnet) {
        this(id, name, driver, created, subnet, gateway, ipRange, internal, attachable, labels, options, bridge,
                userSubnet, null);
    }

    public boolean enableIpv6() {
        return ipv6 != null;
    }

    public static final String DEFAULT_BRIDGE = "bridge";
    public static final String HOST = "host";
    public static final String NONE = "none";

    public Network {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** bridge, host and none: created by the engine, never removed. */
    public boolean builtin() {
        return name.equals(DEFAULT_BRIDGE) || name.equals(HOST) || name.equals(NONE);
    }

    /** True for networks with a Linux bridge (the default bridge and user-defined ones). */
    public boolean hasBridge() {
        return driver.equals("bridge");
    }

    /** True for user-defined bridges, which have name resolution. */
    public boolean resolvesNames() {
        return hasBridge() && !name.equals(DEFAULT_BRIDGE);
    }

    /** A boolean driver option, Docker style ("true"/"false"), with a default. */
    public boolean option(String key, boolean dflt) {
        String v = options.get(key);
        return v == null ? dflt : Boolean.parseBoolean(v.trim());
    }

    /** The MTU option, or null for the kernel's default. */
    public Integer mtu() {
        String v = options.get(BridgeOptions.MTU);
        return v == null || v.isBlank() || v.equals("0") ? null : Integer.valueOf(v.trim());
    }
}
