package dev.berth.runtime.network.ports;

import dev.berth.runtime.network.firewall.Rule;
import java.util.ArrayList;
import java.util.List;

/** The DNAT rule of each published port, in chain {@code BERTH-PORTS} of the nat table. */
public final class PortRules {
    private PortRules() {}

    public static List<Rule> of(List<PortMapping> mappings) {
        List<Rule> rules = new ArrayList<>();
        for (PortMapping m : mappings) {
            List<String> args = new ArrayList<>(List.of("-p", m.protocol()));
            if (m.hostIp() != null && !m.hostIp().equals("0.0.0.0")) {
                args.addAll(List.of("-d", m.hostIp() + "/32"));
            }
            args.addAll(List.of("-m", m.protocol(), "--dport", Integer.toString(m.hostPort()),
                    "-j", "DNAT", "--to-destination", m.containerIp() + ":" + m.containerPort()));
            rules.add(new Rule("nat", "BERTH-PORTS", args));
        }
        return rules;
    }
}
