package dev.berth.runtime.network.firewall;

import dev.berth.runtime.network.host.Sysctl;
import java.util.Collection;
import java.util.List;

/** Applies and removes Berth's iptables state: base chains, per-network rules and published-port DNAT. */
public final class Firewall {
    private final Iptables iptables;
    private final Sysctl sysctl;

    public Firewall(Iptables iptables, Sysctl sysctl) {
        this.iptables = iptables;
        this.sysctl = sysctl;
    }

    /** Creates our chains and hooks them in; idempotent. Turns on IPv4 forwarding, without which no bridge reaches out. */
    public void ensureBase() {
        for (String[] c : Chains.OWN) {
            iptables.ensureChain(c[0], c[1]);
        }
        for (Rule hook : Chains.HOOKS) {
            iptables.insertFirst(hook);
        }
        insertBaseRules();
        sysctl.set("net/ipv4/ip_forward", "1");
    }

    private void insertBaseRules() {
        iptables.insertFirst(Chains.ISOLATION_JUMP);
        iptables.insertFirst(Chains.ISOLATION_PUBLISHED);
    }

    /** Empties our chains (hooks stay), before a full rebuild from the records. */
    public void flushAll() {
        for (String[] c : Chains.OWN) {
            iptables.flush(c[0], c[1]);
        }
        insertBaseRules();
    }

    /** Applies the rules of a bridge network; lets the bridge route 127/8 so localhost-published ports work. */
    public void addNetwork(BridgeFirewall net) {
        sysctl.set("net/ipv4/conf/" + net.bridge() + "/route_localnet", "1");
        apply(net.rules());
    }

    public void removeNetwork(BridgeFirewall net) {
        remove(net.rules());
    }

    public void apply(Collection<Rule> rules) {
        for (Rule r : rules) {
            iptables.append(r);
        }
    }

    public void remove(Collection<Rule> rules) {
        for (Rule r : List.copyOf(rules).reversed()) {
            iptables.delete(r);
        }
    }

    /** All rules in our chains, for tests and diagnostics. */
    public List<String> ownRules() {
        return Chains.OWN.stream().flatMap(c -> iptables.list(c[0], c[1]).stream()).toList();
    }
}
