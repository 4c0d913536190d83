package dev.berth.runtime.network.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Named network namespaces under {@code /run/netns} (iproute2's convention, which {@code ip netns} shows). */
public final class NetnsFiles {
    private static final Path RUN_NETNS = Path.of("/run/netns");

    private final Commands commands;

    public NetnsFiles(Commands commands) {
        this.commands = commands;
    }

    /** The path a namespace called {@code name} has. */
    public static Path pathOf(String name) {
        return RUN_NETNS.resolve(name);
    }

    /** Creates namespace {@code name} (bind-mounted at /run/netns/name) and returns its path. */
    public Path create(String name) {
        commands.check(List.of("ip", "netns", "add", name));
        return pathOf(name);
    }

    /** Deletes namespace {@code name} if present. */
    public void delete(String name) {
        if (Files.exists(pathOf(name))) {
            commands.run(List.of("ip", "netns", "delete", name));
        }
    }

    public boolean exists(Path path) {
        return Files.exists(path);
    }
}
