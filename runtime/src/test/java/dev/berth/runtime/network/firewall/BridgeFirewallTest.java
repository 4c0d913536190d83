package dev.berth.runtime.network.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.network.host.CommandResult;
import dev.berth.runtime.network.host.Commands;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ports.PortMapping;
import dev.berth.runtime.network.ports.PortRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules derived from settings, applied through a fake iptables that keeps a rule set, as the real one would. */
class BridgeFirewallTest {
    /** Answers -C/-A/-D against an in-memory set of rules. */
    static final class FakeIptables implements Commands {
        final Set<List<String>> rules = new HashSet<>();
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public CommandResult run(List<String> argv) {
            calls.add(argv);
            String op = argv.get(4);
            List<String> key = new ArrayList<>(argv.subList(3, argv.size()));
            key.remove(1);
            boolean ok = switch (op) {
                case "-C" -> rules.contains(key);
                case "-A" -> rules.add(key);
                case "-D" -> rules.remove(key);
                default -> true;
            };
            return new CommandResult(argv, ok ? 0 : 1, "", ok ? "" : "Bad rule");
        }
    }

    @Test
    void internalNetworksOnlyTalkInside() {
        List<Rule> r = new BridgeFirewall("br1", Cidr.parse("10.1.0.0/24"), true, true, true).rules();
        assertTrue(r.contains(Rule.of("filter", Chains.FORWARD, "-i", "br1", "!", "-o", "br1", "-j", "DROP")));
        assertTrue(r.contains(Rule.of("filter", Chains.FORWARD, "-o", "br1", "!", "-i", "br1", "-j", "DROP")));
        assertTrue(r.stream().noneMatch(x -> x.table().equals("nat")), "no NAT for an internal network");
        assertTrue(r.stream().noneMatch(x -> x.args().contains("ACCEPT") && !x.args().contains("-o")));
    }

    @Test
    void externalNetworksMasqueradeAndIsolate() {
        List<Rule> r = new BridgeFirewall("br2", Cidr.parse("10.2.0.0/24"), false, true, true).rules();
        assertTrue(r.contains(Rule.of("nat", Chains.POSTROUTING, "-s", "10.2.0.0/24", "!", "-o", "br2", "-j", "MASQUERADE")));
        assertTrue(r.contains(Rule.of("filter", Chains.ISOLATION_2, "-o", "br2", "-j", "DROP")));
        List<Rule> noMasq = new BridgeFirewall("br2", Cidr.parse("10.2.0.0/24"), false, false, false).rules();
        assertFalse(noMasq.contains(Rule.of("nat", Chains.POSTROUTING, "-s", "10.2.0.0/24", "!", "-o", "br2", "-j", "MASQUERADE")));
        assertTrue(noMasq.contains(Rule.of("filter", Chains.FORWARD, "-i", "br2", "-o", "br2", "-j", "DROP")));
    }

    @Test
    void applyIsIdempotentAndRemoveIsItsInverse() {
        FakeIptables fake = new FakeIptables();
        Iptables ipt = new Iptables(fake);
        Firewall fw = new Firewall(ipt, null);
        List<Rule> rules = new ArrayList<>(new BridgeFirewall("br3", Cidr.parse("10.3.0.0/24"), false, true, true).rules());
        rules.addAll(PortRules.of(List.of(new PortMapping("127.0.0.1", 8080, 80, "tcp", "10.3.0.2"))));
        fw.apply(rules);
        int size = fake.rules.size();
        fw.apply(rules);
        assertEquals(size, fake.rules.size());
        assertEquals(rules.size(), size);
        fw.remove(rules);
        assertTrue(fake.rules.isEmpty());
    }

    @Test
    void portRuleShape() {
        Rule r = PortRules.of(List.of(new PortMapping("0.0.0.0", 32768, 80, "udp", "10.3.0.2"))).getFirst();
        assertEquals(List.of("-p", "udp", "-m", "udp", "--dport", "32768", "-j", "DNAT", "--to-destination", "10.3.0.2:80"), r.args());
        Rule local = PortRules.of(List.of(new PortMapping("127.0.0.1", 1, 2, "tcp", "10.3.0.2"))).getFirst();
        assertTrue(local.args().containsAll(List.of("-d", "127.0.0.1/32")));
    }
}
