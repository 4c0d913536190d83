package dev.berth.runtime.network.firewall;

import java.util.List;

/** One iptables rule: its table, its chain and the match/target arguments. */
public record Rule(String table, String chain, List<String> args) {
    public Rule {
        args = List.copyOf(args);
    }

    public static Rule of(String table, String chain, String... args) {
        return new Rule(table, chain, List.of(args));
    }
}
