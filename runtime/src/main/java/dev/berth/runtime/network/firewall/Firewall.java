package dev.berth.runtime.network.firewall;

import dev.berth.runtime.network.host.Sysctl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Applies and removes Berth's iptables state: base chains, per-network rules and published-port DNAT. The chains
 * and their hooks are shared by every engine on the host; each rule of a network or port carries the comment of
 * the engine that added it ({@code owner}), so that {@link #removeOwned()} clears this engine's rules and no other's.
 */
public final class Firewall {
    private static final String COMMENT_PREFIX = "berth:";

    private final Iptables iptables;
    private final Sysctl sysctl;
    private final String owner;

    /** @param owner the comment marking this engine's rules, e.g. {@code berth:1a2b} */
    public Firewall(Iptables iptables, Sysctl sysctl, String owner) {
        if (!owner.startsWith(COMMENT_PREFIX) || owner.contains(" ")) {
            throw new IllegalArgumentException("owner comment must look like berth:<tag>, got " + owner);
        }
        this.iptables = iptables;
        this.sysctl = sysctl;
        this.owner = owner;
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

    /**
     * Deletes every rule of this engine from the shared chains, before a full rebuild from the records; rules of
     * other engines stay. Untagged rules other than the base ones come from engines before rules were tagged
     * and go too, so an upgraded host does not keep them forever.
     */
    public void removeOwned() {
        List<Rule> doomed = new ArrayList<>();
        for (String[] c : Chains.OWN) {
            for (String line : iptables.list(c[0], c[1])) {
                Rule r = parse(c[0], line);
                if (isOwn(r) || (!isTagged(r) && !isBase(r))) {
                    doomed.add(r);
                }
            }
        }
        iptables.deleteAll(doomed);
    }

    private boolean isOwn(Rule r) {
        int i = r.args().indexOf("--comment");
        return i >= 0 && i + 1 < r.args().size() && r.args().get(i + 1).equals(owner);
    }

    private static boolean isTagged(Rule r) {
        int i = r.args().indexOf("--comment");
        return i >= 0 && i + 1 < r.args().size() && r.args().get(i + 1).startsWith(COMMENT_PREFIX);
    }

    private static boolean isBase(Rule r) {
        return r.equals(Chains.ISOLATION_JUMP) || r.equals(Chains.ISOLATION_PUBLISHED);
    }

    /** A rule from its {@code iptables -S} line ({@code -A CHAIN args...}); quotes around a comment are dropped. */
    static Rule parse(String table, String line) {
        String[] f = line.trim().split("\\s+");
        List<String> args = new ArrayList<>();
        for (int i = 2; i < f.length; i++) {
            String a = f[i];
            args.add(a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"") ? a.substring(1, a.length() - 1) : a);
        }
        return new Rule(table, f[1], args);
    }

    /** The rule as this engine adds it: with its owner comment as the first match. */
    Rule owned(Rule r) {
        List<String> args = new ArrayList<>(List.of("-m", "comment", "--comment", owner));
        args.addAll(r.args());
        return new Rule(r.table(), r.chain(), args);
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
        iptables.appendAll(rules.stream().map(this::owned).toList());
    }

    public void remove(Collection<Rule> rules) {
        for (Rule r : List.copyOf(rules).reversed()) {
            iptables.delete(owned(r));
        }
    }

    /** This engine's rules in the shared chains ({@code -S} lines), for tests and diagnostics. */
    public List<String> ownRules() {
        return Chains.OWN.stream().flatMap(c -> iptables.list(c[0], c[1]).stream().filter(l -> isOwn(parse(c[0], l))))
                .toList();
    }
}
