package dev.berth.app.run;

import dev.berth.app.engine.RunSpec;
import java.util.ArrayList;
import java.util.List;
import dev.berth.app.support.ShellQuote;

/** The {@code docker run -d …} command line that does what a {@link RunSpec} says, quoted for a POSIX shell. */
public final class DockerRunLine {
    private DockerRunLine() {}

    public static String of(RunSpec spec) {
        List<String> words = new ArrayList<>(List.of("docker", "run", "-d"));
        if (!spec.name().isBlank()) {
            words.addAll(List.of("--name", spec.name()));
        }
        for (RunSpec.PublishedPort p : spec.ports()) {
            words.addAll(List.of("-p", port(p)));
        }
        for (String e : spec.env()) {
            words.addAll(List.of("-e", e));
        }
        for (RunSpec.Mount m : spec.mounts()) {
            words.addAll(List.of("-v", m.source() + ":" + m.target() + (m.readOnly() ? ":ro" : "")));
        }
        if (spec.restart().kind() != RunSpec.RestartPolicy.Kind.NO) {
            words.addAll(List.of("--restart", spec.restart().flag()));
        }
        if (spec.autoRemove()) {
            words.add("--rm");
        }
        if (!spec.network().isBlank()) {
            words.addAll(List.of("--network", spec.network()));
        }
        words.add(spec.image());
        words.addAll(spec.command());
        return String.join(" ", words.stream().map(ShellQuote::quote).toList());
    }

    private static String port(RunSpec.PublishedPort p) {
        String ip = p.hostIp().isEmpty() ? "" : (p.hostIp().contains(":") ? "[" + p.hostIp() + "]" : p.hostIp()) + ":";
        String host = p.hostPort() == 0 ? (ip.isEmpty() ? "" : ":") : p.hostPort() + ":";
        String proto = p.protocol().equals("tcp") ? "" : "/" + p.protocol();
        return ip + host + p.containerPort() + proto;
    }
}
