package dev.berth.runtime.network.firewall;

import dev.berth.runtime.network.ipam.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one bridge network, derived from its settings alone, so applying and removing are exact inverses.
 *
 * @param masquerade   NAT traffic leaving the host (option {@code com.docker.network.bridge.enable_ip_masquerade})
 * @param interContainer allow traffic between containers of the network (option {@code enable_icc})
 */
public record BridgeFirewall(String bridge, Cidr subnet, boolean internal, boolean masquerade, boolean interContainer) {

    /** Every rule this network needs. */
    public List<Rule> rules() {
        List<Rule> r = new ArrayList<>();
        String s = subnet.toString();
        String f = Chains.FILTER;
        r.add(Rule.of(f, Chains.ISOLATION_1, "-i", bridge, "!", "-o", bridge, "-j", Chains.ISOLATION_2));
        r.add(Rule.of(f, Chains.ISOLATION_2, "-o", bridge, "-j", "DROP"));
        r.add(Rule.of(f, Chains.FORWARD, "-i", bridge, "-o", bridge, "-j", interContainer ? "ACCEPT" : "DROP"));
        if (internal) {
            // --internal: nothing in or out, whatever else the host's FORWARD chain would allow.
            r.add(Rule.of(f, Chains.FORWARD, "-i", bridge, "!", "-o", bridge, "-j", "DROP"));
            r.add(Rule.of(f, Chains.FORWARD, "-o", bridge, "!", "-i", bridge, "-j", "DROP"));
            return r;
        }
        r.add(Rule.of(f, Chains.FORWARD, "-i", bridge, "!", "-o", bridge, "-j", "ACCEPT"));
        r.add(Rule.of(f, Chains.FORWARD, "-o", bridge, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED", "-j",
                "ACCEPT"));
        // New connections into the bridge only when a published port sent them (DNAT).
        r.add(Rule.of(f, Chains.FORWARD, "-o", bridge, "-m", "conntrack", "--ctstate", "DNAT", "-j", "ACCEPT"));
        String n = Chains.NAT;
        if (masquerade) {
            r.add(Rule.of(n, Chains.POSTROUTING, "-s", s, "!", "-o", bridge, "-j", "MASQUERADE"));
        }
        // A client on 127.0.0.1 reaching a published port: the container must answer to an address it can route.
        r.add(Rule.of(n, Chains.POSTROUTING, "-s", "127.0.0.0/8", "-o", bridge, "-j", "MASQUERADE"));
        // Hairpin: a container reaching a published port of its own network via a host address.
        r.add(Rule.of(n, Chains.POSTROUTING, "-s", s, "-o", bridge, "-m", "conntrack", "--ctstate", "DNAT", "-j",
                "MASQUERADE"));
        return r;
    }
}
