package dev.berth.runtime.network.firewall;

import java.util.List;

/**
 * Berth's own chains and the jumps that hook them into the built-in ones. Keeping every rule in chains of our own
 * means Berth never edits a rule of dockerd (or anyone). The chains, hooks and base rules are shared by all Berth
 * engines of a host; the rules of networks and ports carry their engine's comment (see {@link Firewall}).
 */
public final class Chains {
    public static final String FILTER = "filter";
    public static final String NAT = "nat";
    /** Forwarding verdicts for Berth bridges. */
    public static final String FORWARD = "BERTH-FORWARD";
    /** Stage 1 of isolation: traffic leaving a Berth bridge for another interface. */
    public static final String ISOLATION_1 = "BERTH-ISOLATION-1";
    /** Stage 2 of isolation: ... dropped if it enters another Berth bridge. */
    public static final String ISOLATION_2 = "BERTH-ISOLATION-2";
    /** Source NAT for traffic leaving the host, hairpin and localhost-published ports. */
    public static final String POSTROUTING = "BERTH-POSTROUTING";
    /** DNAT of published ports, reached for packets to local addresses from outside (PREROUTING) and from the host (OUTPUT). */
    public static final String PORTS = "BERTH-PORTS";

    private Chains() {}

    /** Our chains, by table. */
    static final List<String[]> OWN = List.of(
            new String[]{FILTER, FORWARD}, new String[]{FILTER, ISOLATION_1}, new String[]{FILTER, ISOLATION_2},
            new String[]{NAT, POSTROUTING}, new String[]{NAT, PORTS});

    /** The jumps from built-in chains; each goes first so that a DROP policy or rule of someone else does not hide ours. */
    static final List<Rule> HOOKS = List.of(
            Rule.of(FILTER, "FORWARD", "-j", FORWARD),
            Rule.of(NAT, "POSTROUTING", "-j", POSTROUTING),
            Rule.of(NAT, "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j", PORTS),
            Rule.of(NAT, "OUTPUT", "-m", "addrtype", "--dst-type", "LOCAL", "-j", PORTS));

    /** Isolation is checked before any accept. */
    static final Rule ISOLATION_JUMP = Rule.of(FILTER, FORWARD, "-j", ISOLATION_1);

    /**
     * Published ports are open to everyone, containers of other networks included: a connection a published port's
     * DNAT created skips isolation (the DNAT state holds for the replies too). A container's real address stays unreachable from other networks.
     */
    static final Rule ISOLATION_PUBLISHED = Rule.of(FILTER, ISOLATION_1, "-m", "conntrack", "--ctstate", "DNAT", "-j",
            "RETURN");

}
