package dev.berth.runtime.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes what a benchmark's dockerd with networking leaves on the host when it stops: its DOCKER* chains and the
 * jumps to them, its docker0 rules and bridge, and the FORWARD policy it sets to DROP. Only dockerd's objects are
 * touched; Berth's chains stay as they are.
 */
final class HostFirewall {
    private HostFirewall() {}

    /** The filter table's FORWARD policy now ("ACCEPT" or "DROP"). */
    static String forwardPolicy() throws IOException, InterruptedException {
        for (String line : run("iptables", "-w", "-S", "FORWARD")) {
            if (line.startsWith("-P FORWARD ")) {
                return line.substring("-P FORWARD ".length()).trim();
            }
        }
        return "ACCEPT";
    }

    static void removeDockerdLeftovers(String forwardPolicy) throws IOException, InterruptedException {
        for (String table : List.of("filter", "nat")) {
            List<String> chains = new ArrayList<>();
            for (String line : run("iptables", "-w", "-t", table, "-S")) {
                String[] f = line.split(" ");
                if (line.startsWith("-N DOCKER")) {
                    chains.add(f[1]);
                } else if (line.startsWith("-A ") && !f[1].startsWith("DOCKER")
                        && (line.contains("-j DOCKER") || line.contains("docker0"))) {
                    List<String> argv = new ArrayList<>(List.of("iptables", "-w", "-t", table, "-D"));
                    argv.addAll(List.of(line.substring(3).replace("\"", "").split(" ")));
                    run(argv.toArray(String[]::new));
                }
            }
            for (String chain : chains) {
                run("iptables", "-w", "-t", table, "-F", chain);
            }
            for (String chain : chains) {
                run("iptables", "-w", "-t", table, "-X", chain);
            }
        }
        run("iptables", "-w", "-P", "FORWARD", forwardPolicy);
        run("ip", "link", "delete", "dev", "docker0");
    }

    private static List<String> run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().toList();
    }
}
