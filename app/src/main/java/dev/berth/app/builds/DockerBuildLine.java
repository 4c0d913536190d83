package dev.berth.app.builds;

import dev.berth.app.engine.BuildSpec;
import dev.berth.app.support.ShellQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code docker build …} command line that does what a {@link BuildSpec} says, quoted for a POSIX shell. */
public final class DockerBuildLine {
    private DockerBuildLine() {}

    public static String of(BuildSpec spec) {
        List<String> words = new ArrayList<>(List.of("docker", "build"));
        for (String tag : spec.tags()) {
            words.addAll(List.of("-t", tag));
        }
        if (!spec.dockerfile().isEmpty() && !spec.dockerfile().equals("Dockerfile")) {
            Path file = spec.contextDir() == null ? Path.of(spec.dockerfile())
                    : spec.contextDir().resolve(spec.dockerfile());
            words.addAll(List.of("-f", file.toString()));
        }
        for (Map.Entry<String, String> arg : new TreeMap<>(spec.buildArgs()).entrySet()) {
            words.addAll(List.of("--build-arg", arg.getKey() + "=" + arg.getValue()));
        }
        if (!spec.target().isEmpty()) {
            words.addAll(List.of("--target", spec.target()));
        }
        if (spec.noCache()) {
            words.add("--no-cache");
        }
        if (spec.pull()) {
            words.add("--pull");
        }
        words.add(spec.contextDir() == null ? "." : spec.contextDir().toString());
        return String.join(" ", words.stream().map(ShellQuote::quote).toList());
    }
}
