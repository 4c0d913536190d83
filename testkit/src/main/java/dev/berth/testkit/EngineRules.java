package dev.berth.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the iptables rules a stopped test berthd left behind. An engine's rules deliberately outlive it (a real
 * engine finds them again at its next start), but a test's data root is thrown away, so without this every test
 * engine would leave its ~9 tagged rules on the host. Rules carry the comment {@code berth:<tag>}, the tag being
 * in {@code <data-root>/networks/engine-tag}; each matching rule is deleted on its own, nothing else is touched.
 */
public final class EngineRules {
    private static final List<String> TABLES = List.of("filter", "nat");

    private EngineRules() {}

    /** Deletes the rules of the engine whose data root was {@code dataRoot}; nothing if it never made a network. */
    public static void remove(Path dataRoot) {
        Path tagFile = dataRoot.resolve("networks").resolve("engine-tag");
        try {
            if (!Files.exists(tagFile)) {
                return;
            }
            String comment = "berth:" + Files.readString(tagFile, StandardCharsets.UTF_8).strip();
            for (String table : TABLES) {
                for (String rule : run("iptables", "-w", "-t", table, "-S").lines().toList()) {
                    if (rule.startsWith("-A ") && (rule.contains("\"" + comment + "\"") || rule.endsWith(" " + comment)
                            || rule.contains(" " + comment + " "))) {
                        List<String> delete = new ArrayList<>(List.of("iptables", "-w", "-t", table, "-D"));
                        delete.addAll(Shell.split(rule.substring(3)));
                        run(delete.toArray(String[]::new));
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("cannot remove the rules of the engine at " + dataRoot + ": " + e.getMessage());
        }
    }

    private static String run(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** Splits an {@code iptables -S} line into arguments, honouring its double quotes. */
    static final class Shell {
        private Shell() {}

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (char ch : line.toCharArray()) {
                if (ch == '"') {
                    quoted = !quoted;
                    any = true;
                } else if (ch == ' ' && !quoted) {
                    if (any) {
                        out.add(cur.toString());
                        cur.setLength(0);
                        any = false;
                    }
                } else {
                    cur.append(ch);
                    any = true;
                }
            }
            if (any) {
                out.add(cur.toString());
            }
            return out;
        }
    }
}
