package dev.berth.runtime.network.firewall;

import dev.berth.runtime.network.host.CommandResult;
import dev.berth.runtime.network.host.Commands;
import java.util.ArrayList;
import java.util.List;

/**
 * Idempotent iptables edits: a rule is checked with {@code -C} before it is added and deleted until {@code -C}
 * fails, so repeated applies and removes never stack or leave copies. {@code -w} waits for the xtables lock,
 * which a dockerd on the same host may hold.
 */
public final class Iptables {
    private final Commands commands;

    public Iptables(Commands commands) {
        this.commands = commands;
    }

    private List<String> cmd(String table, String op, String chain, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("iptables", "-w", "-t", table, op, chain));
        argv.addAll(args);
        return argv;
    }

    public boolean has(Rule rule) {
        return commands.run(cmd(rule.table(), "-C", rule.chain(), rule.args())).ok();
    }

    /** Appends the rule unless it is there. */
    public void append(Rule rule) {
        if (!has(rule)) {
            commands.check(cmd(rule.table(), "-A", rule.chain(), rule.args()));
        }
    }

    /** Inserts the rule at the top of its chain unless it is there. */
    public void insertFirst(Rule rule) {
        if (!has(rule)) {
            List<String> args = new ArrayList<>(List.of("1"));
            args.addAll(rule.args());
            commands.check(cmd(rule.table(), "-I", rule.chain(), args));
        }
    }

    /** Deletes every copy of the rule. */
    public void delete(Rule rule) {
        for (int i = 0; i < 16 && has(rule); i++) {
            commands.run(cmd(rule.table(), "-D", rule.chain(), rule.args()));
        }
    }

    /** Creates a chain if missing. */
    public void ensureChain(String table, String chain) {
        if (!commands.run(List.of("iptables", "-w", "-t", table, "-S", chain)).ok()) {
            commands.check(List.of("iptables", "-w", "-t", table, "-N", chain));
        }
    }

    /** The rules of a chain in {@code -S} form (the "-N chain" line excluded); empty if the chain is missing. */
    public List<String> list(String table, String chain) {
        CommandResult r = commands.run(List.of("iptables", "-w", "-t", table, "-S", chain));
        List<String> out = new ArrayList<>();
        if (r.ok()) {
            for (String line : r.stdout().split("\n")) {
                if (line.startsWith("-A ")) {
                    out.add(line);
                }
            }
        }
        return out;
    }
}
