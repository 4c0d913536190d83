package dev.berth.runtime.network.firewall;

import dev.berth.runtime.network.host.CommandResult;
import dev.berth.runtime.network.host.Commands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Appends, in order, each rule that is not there yet: one {@code -S} per chain to see what is, then one {@code
     * iptables-restore --noflush} for all that is missing — two processes per chain instead of two per rule, which
     * is seconds of the engine's start in a VM under emulation. Falls back to one rule at a time if the restore fails.
     */
    public void appendAll(List<Rule> rules) {
        Map<String, Set<String>> present = new HashMap<>();
        List<Rule> missing = new ArrayList<>();
        for (Rule r : rules) {
            Set<String> have = present.computeIfAbsent(r.table() + " " + r.chain(), k -> {
                Set<String> lines = new HashSet<>();
                list(r.table(), r.chain()).forEach(l -> lines.add(canonical(Firewall.parse(r.table(), l).args())));
                return lines;
            });
            if (have.add(canonical(r.args()))) {
                missing.add(r);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!restore("-A", missing)) {
            missing.forEach(this::append);
        }
    }

    /**
     * Deletes rules that were just listed, in one {@code iptables-restore --noflush} ({@code -C}, {@code -D}, {@code -C}
     * per rule was most of a restarted engine's network set-up); rule by rule when the restore fails (say, one rule
     * went meanwhile), which restores nothing of the batch.
     */
    public void deleteAll(List<Rule> rules) {
        if (!rules.isEmpty() && !restore("-D", rules)) {
            rules.forEach(this::delete);
        }
    }

    /** One {@code iptables-restore --noflush} applying {@code op} (-A or -D) to each rule, grouped by table. */
    private boolean restore(String op, List<Rule> rules) {
        Map<String, StringBuilder> byTable = new LinkedHashMap<>();
        for (Rule r : rules) {
            StringBuilder t = byTable.computeIfAbsent(r.table(), k -> new StringBuilder());
            t.append(op).append(' ').append(r.chain());
            r.args().forEach(a -> t.append(' ').append(a.matches(".*\\s.*") ? '"' + a + '"' : a));
            t.append('\n');
        }
        StringBuilder input = new StringBuilder();
        byTable.forEach(
                (table, lines) -> input.append('*').append(table).append('\n').append(lines).append("COMMIT\n"));
        return commands.run(List.of("iptables-restore", "-w", "--noflush"), input.toString()).ok();
    }

    /**
     * A rule's arguments in an order-free form: iptables prints a rule's matches in its own order (the nft backend
     * puts interfaces before modules), so each option with its values (and a leading "!") is one clause, sorted.
     */
    static String canonical(List<String> args) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = null;
        boolean negate = false;
        for (String a : args) {
            if (a.equals("!")) {
                negate = true;
                continue;
            }
            if (a.startsWith("-") && !a.matches("-\\d.*")) {
                if (clause != null) {
                    clauses.add(clause.toString());
                }
                clause = new StringBuilder(negate ? "! " : "").append(a);
            } else if (clause != null) {
                clause.append(negate ? " !" : "").append(' ').append(a);
            }
            negate = false;
        }
        if (clause != null) {
            clauses.add(clause.toString());
        }
        java.util.Collections.sort(clauses);
        return String.join(" ", clauses);
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
