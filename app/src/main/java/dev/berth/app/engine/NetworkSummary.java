package dev.berth.app.engine;

import java.util.List;

/** One network of {@code GET /networks}; {@code subnets} are its IPAM subnets in CIDR form. */
public record NetworkSummary(String id, String name, String driver, String scope, boolean internal,
        List<String> subnets) {
    public NetworkSummary {
        subnets = List.copyOf(subnets);
    }

    /** The networks every engine creates itself and refuses to remove. */
    public boolean builtIn() {
        return name.equals("bridge") || name.equals("host") || name.equals("none");
    }
}
