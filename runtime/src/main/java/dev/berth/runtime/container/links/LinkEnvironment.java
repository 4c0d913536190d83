package dev.berth.runtime.container.links;

import dev.berth.runtime.container.model.Container;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The variables a legacy link sets in the linking container, as dockerd names them: {@code ALIAS_PORT} for the
 * lowest exposed port, {@code ALIAS_PORT_<port>_<PROTO>} with its {@code _ADDR}, {@code _PORT} and {@code _PROTO},
 * {@code ALIAS_NAME} ({@code /parent/alias}) and {@code ALIAS_ENV_<var>} for each of the target's own variables
 * (HOME and PATH left out, as they say nothing about the target).
 */
public final class LinkEnvironment {
    private LinkEnvironment() {}

    /** The variables for {@code link} from {@code parentName} to {@code target}, reached at {@code targetIp}. */
    public static List<String> of(String parentName, LegacyLink link, Container target, String targetIp) {
        String prefix = link.alias().toUpperCase(Locale.ROOT).replace('-', '_');
        List<String> env = new ArrayList<>();
        List<Port> ports = target.configView().exposedPorts().stream().map(Port::parse)
                .sorted(Comparator.comparingInt(Port::number).thenComparing(Port::proto)).toList();
        if (!ports.isEmpty()) {
            Port first = ports.getFirst();
            env.add(prefix + "_PORT=" + first.proto() + "://" + targetIp + ":" + first.number());
        }
        for (Port p : ports) {
            String key = prefix + "_PORT_" + p.number() + "_" + p.proto().toUpperCase(Locale.ROOT);
            env.add(key + "=" + p.proto() + "://" + targetIp + ":" + p.number());
            env.add(key + "_ADDR=" + targetIp);
            env.add(key + "_PORT=" + p.number());
            env.add(key + "_PROTO=" + p.proto());
        }
        env.add(prefix + "_NAME=/" + parentName + "/" + link.alias());
        List<String> targetEnv = target.configView().env() == null ? List.of() : target.configView().env();
        for (String v : targetEnv) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = v.substring(0, eq);
            if (!name.equals("HOME") && !name.equals("PATH")) {
                env.add(prefix + "_ENV_" + name + "=" + v.substring(eq + 1));
            }
        }
        return env;
    }

    /** An exposed port: "80/tcp", "53/udp", "8080" (tcp). */
    private record Port(int number, String proto) {
        static Port parse(String spec) {
            int slash = spec.indexOf('/');
            String number = slash < 0 ? spec : spec.substring(0, slash);
            String proto = slash < 0 ? "tcp" : spec.substring(slash + 1).toLowerCase(Locale.ROOT);
            return new Port(Integer.parseInt(number.contains("-") ? number.substring(0, number.indexOf('-')) : number),
                    proto);
        }
    }
}
