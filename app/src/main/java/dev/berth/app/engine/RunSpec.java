package dev.berth.app.engine;

import java.util.List;

/**
 * What {@code docker run -d} is told: the image, an optional name, published ports, environment ({@code KEY=value}),
 * mounts, the command (empty keeps the image's), the restart policy, {@code --rm} and the network (empty for the
 * engine's default). Built and checked by the run dialog; the engine only creates and starts it.
 */
public record RunSpec(String image, String name, List<PublishedPort> ports, List<String> env, List<Mount> mounts,
        List<String> command, RestartPolicy restart, boolean autoRemove, String network) {

    public RunSpec {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("A container needs an image");
        }
        name = name == null ? "" : name;
        network = network == null ? "" : network;
        ports = List.copyOf(ports);
        env = List.copyOf(env);
        mounts = List.copyOf(mounts);
        command = List.copyOf(command);
    }

    /** {@code -p hostIp:hostPort:containerPort/protocol}; {@code hostPort == 0} lets the engine pick one. */
    public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {}

    /**
     * {@code -v source:target[:ro]}: {@code source} is a volume name or, when it starts with "/", a host path.
     */
    public record Mount(String source, String target, boolean readOnly) {
        public boolean isBind() {
            return source.startsWith("/");
        }
    }

    /** {@code --restart}: no, always, unless-stopped or on-failure[:maxRetries]. */
    public record RestartPolicy(Kind kind, int maxRetries) {
        public static final RestartPolicy NO = new RestartPolicy(Kind.NO, 0);

        /** The four policies docker knows. */
        public enum Kind { NO, ALWAYS, UNLESS_STOPPED, ON_FAILURE }

        /** The word {@code docker run --restart} takes: "unless-stopped", "on-failure:3". */
        public String flag() {
            String word = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            return kind == Kind.ON_FAILURE && maxRetries > 0 ? word + ":" + maxRetries : word;
        }
    }
}
