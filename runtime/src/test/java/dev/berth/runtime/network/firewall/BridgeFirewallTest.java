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
            if (op.equals("-S")) {
                return new CommandResult(argv, 0, listing(argv.get(3), argv.get(5)), "");
            }
            boolean ok = switch (op) {
                case "-C" -> rules.contains(key);
                case "-A", "-I" -> rules.add(op.equals("-I") ? withoutPosition(key) : key);
                case "-D" -> rules.remove(key);
                default -> true;
            };
            return new CommandResult(argv, ok ? 0 : 1, "", ok ? "" : "Bad rule");
        }

        /** {@code iptables-restore --noflush}: "*table", "-A/-D chain args…" lines, "COMMIT"; a missing -D fails all. */
        @Override
        public CommandResult run(List<String> argv, String input) {
            calls.add(argv);
            String table = null;
            for (String line : input.split("\n")) {
                if (line.startsWith("*")) {
                    table = line.substring(1);
                } else if (line.startsWith("-A ") || line.startsWith("-D ")) {
                    List<String> key = new ArrayList<>(List.of(table));
                    for (String t : line.substring(3).split(" ")) {
                        key.add(t.replace("\"", ""));
                    }
                    if (line.startsWith("-A ")) {
                        rules.add(key);
                    } else if (!rules.remove(key)) {
                        return new CommandResult(argv, 1, "", "iptables-restore: line failed: " + line);
                    }
                }
            }
            return new CommandResult(argv, 0, "", "");
        }

        long restores() {
            return calls.stream().filter(c -> c.getFirst().equals("iptables-restore")).count();
        }

        private static List<String> withoutPosition(List<String> key) {
            List<String> k = new ArrayList<>(key);
            k.remove(2);
            return k;
        }

        /** What {@code iptables -S chain} prints: one "-A" line per rule, comments in quotes as the real one does. */
        private String listing(String table, String chain) {
            StringBuilder out = new StringBuilder("-N " + chain + "\n");
            for (List<String> r : rules) {
                if (r.get(0).equals(table) && r.get(1).equals(chain)) {
                    List<String> args = new ArrayList<>(r.subList(2, r.size()));
                    int c = args.indexOf("--comment");
                    if (c >= 0) {
                        args.set(c + 1, "\"" + args.get(c + 1) + "\"");
                    }
                    out.append("-A ").append(chain).append(' ').append(String.join(" ", args)).append('\n');
                }
            }
            return out.toString();
        }
    }

    @Test
    void aRuleIsRecognisedWhateverOrderIptablesPrintsItsMatchesIn() {
        String ours = Iptables.canonical(
                List.of("-m", "comment", "--comment", "berth:a", "-i", "br0", "!", "-o", "br0", "-j", "ACCEPT"));
        String nftOrder = Iptables.canonical(
                List.of("-i", "br0", "!", "-o", "br0", "-m", "comment", "--comment", "berth:a", "-j", "ACCEPT"));
        assertEquals(ours, nftOrder);
        assertFalse(ours.equals(
                Iptables.canonical(List.of("-m", "comment", "--comment", "berth:a", "-i", "br0", "-o", "br0", "-j",
                        "ACCEPT"))),
                "a negation makes another rule");
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
        assertTrue(r.contains(
                Rule.of("nat", Chains.POSTROUTING, "-s", "10.2.0.0/24", "!", "-o", "br2", "-j", "MASQUERADE")));
        assertTrue(r.contains(Rule.of("filter", Chains.ISOLATION_2, "-o", "br2", "-j", "DROP")));
        List<Rule> noMasq = new BridgeFirewall("br2", Cidr.parse("10.2.0.0/24"), false, false, false).rules();
        assertFalse(noMasq.contains(
                Rule.of("nat", Chains.POSTROUTING, "-s", "10.2.0.0/24", "!", "-o", "br2", "-j", "MASQUERADE")));
        assertTrue(noMasq.contains(Rule.of("filter", Chains.FORWARD, "-i", "br2", "-o", "br2", "-j", "DROP")));
    }

    @Test
    void applyIsIdempotentAndRemoveIsItsInverse() {
        FakeIptables fake = new FakeIptables();
        Iptables ipt = new Iptables(fake);
        Firewall fw = new Firewall(ipt, null, "berth:aaaa");
        List<Rule> rules = new ArrayList<>(
                new BridgeFirewall("br3", Cidr.parse("10.3.0.0/24"), false, true, true).rules());
        rules.addAll(PortRules.of(List.of(new PortMapping("127.0.0.1", 8080, 80, "tcp", "10.3.0.2"))));
        fw.apply(rules);
        assertEquals(1, fake.restores(), "a network's rules go in with one iptables-restore");
        int size = fake.rules.size();
        fw.apply(rules);
        assertEquals(size, fake.rules.size());
        assertEquals(1, fake.restores(), "nothing to add the second time");
        assertEquals(rules.size(), size);
        fw.remove(rules);
        assertTrue(fake.rules.isEmpty());
    }

    @Test
    void removeOwnedTakesThisEnginesRulesAndLegacyOnesButNotAnotherEngines() {
        FakeIptables fake = new FakeIptables();
        Iptables ipt = new Iptables(fake);
        Firewall mine = new Firewall(ipt, null, "berth:aaaa");
        Firewall theirs = new Firewall(ipt, null, "berth:bbbb");
        mine.apply(new BridgeFirewall("br4", Cidr.parse("10.4.0.0/24"), false, true, true).rules());
        mine.apply(PortRules.of(List.of(new PortMapping("0.0.0.0", 8080, 80, "tcp", "10.4.0.2"))));
        List<Rule> other = new ArrayList<>(
                new BridgeFirewall("br5", Cidr.parse("10.5.0.0/24"), false, true, true).rules());
        other.addAll(PortRules.of(List.of(new PortMapping("0.0.0.0", 8081, 80, "tcp", "10.5.0.2"))));
        theirs.apply(other);
        ipt.insertFirst(Chains.ISOLATION_JUMP);
        ipt.insertFirst(Chains.ISOLATION_PUBLISHED);
        ipt.append(Rule.of("nat", Chains.PORTS, "-p", "tcp", "-j", "DNAT", "--to-destination", "10.9.0.2:80"));
        List<String> theirsBefore = theirs.ownRules();
        assertEquals(other.size(), theirsBefore.size());

        long restoresBefore = fake.restores();
        long deletesBefore = fake.calls.stream().filter(c -> c.contains("-D")).count();
        mine.removeOwned();
        assertEquals(restoresBefore + 1, fake.restores(), "every rule of this engine goes in one iptables-restore");
        assertEquals(deletesBefore, fake.calls.stream().filter(c -> c.contains("-D")).count(), "none one by one");
        assertTrue(mine.ownRules().isEmpty());
        assertEquals(theirsBefore, theirs.ownRules());
        assertTrue(ipt.has(Chains.ISOLATION_JUMP) && ipt.has(Chains.ISOLATION_PUBLISHED), "base rules stay");
        assertFalse(ipt.has(Rule.of("nat", Chains.PORTS, "-p", "tcp", "-j", "DNAT", "--to-destination", "10.9.0.2:80")),
                "an untagged rule of an engine before tags goes");
        assertEquals(other.size() + 2, fake.rules.size());
    }

    @Test
    void aBatchThatFailsIsDoneRuleByRule() {
        FakeIptables fake = new FakeIptables();
        Iptables ipt = new Iptables(fake);
        Rule kept = Rule.of("filter", Chains.ISOLATION_1, "-i", "br1", "-j", "DROP");
        Rule gone = Rule.of("filter", Chains.ISOLATION_1, "-i", "br2", "-j", "DROP");
        ipt.append(kept);
        // The second rule is not there (another process took it meanwhile): the restore fails as a whole.
        ipt.deleteAll(List.of(kept, gone));
        assertFalse(ipt.has(kept));
        assertTrue(fake.rules.isEmpty());
    }

    @Test
    void listedRulesParseBackWithoutQuotes() {
        Rule r = Firewall.parse("nat",
                "-A BERTH-PORTS -p tcp -m comment --comment \"berth:ab12\" -j DNAT --to-destination 1.2.3.4:80");
        assertEquals(
                Rule.of("nat", "BERTH-PORTS", "-p", "tcp", "-m", "comment", "--comment", "berth:ab12", "-j", "DNAT",
                        "--to-destination", "1.2.3.4:80"),
                r);
    }

    @Test
    void portRuleShape() {
        Rule r = PortRules.of(List.of(new PortMapping("0.0.0.0", 32768, 80, "udp", "10.3.0.2"))).getFirst();
        assertEquals(
                List.of("-p", "udp", "-m", "udp", "--dport", "32768", "-j", "DNAT", "--to-destination", "10.3.0.2:80"),
                r.args());
        Rule local = PortRules.of(List.of(new PortMapping("127.0.0.1", 1, 2, "tcp", "10.3.0.2"))).getFirst();
        assertTrue(local.args().containsAll(List.of("-d", "127.0.0.1/32")));
    }
}
