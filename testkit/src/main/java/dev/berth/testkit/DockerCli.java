package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The real docker CLI pointed at one engine, with a configuration directory of its own so that nothing on this
 * machine (a context, a credential store, a login) changes what the tests see.
 */
public final class DockerCli {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String host;
    private final Path configDir;

    public DockerCli(String host, Path configDir) {
        this.host = host;
        this.configDir = configDir;
    }

    /** Runs {@code docker ARGS}; the result says how it ended. */
    public CommandResult run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs {@code docker ARGS} with {@code stdin} as its input. */
    public CommandResult runWithInput(byte[] stdin, String... args) {
        writeConfig();
        List<String> cmd = new ArrayList<>();
        cmd.add("docker");
        cmd.addAll(Arrays.asList(args));
        return ProcessRunner.run(cmd, Map.of("DOCKER_HOST", host, "DOCKER_CONFIG", configDir.toString(),
                "DOCKER_CONTEXT", "default", "DOCKER_CLI_HINTS", "false"), stdin, TIMEOUT);
    }

    /** Runs {@code docker ARGS} and fails with its output (and {@code context}, e.g. the engine's log) unless it exits 0. */
    public CommandResult ok(java.util.function.Supplier<String> context, String... args) {
        CommandResult r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " failed: " + r + "\n" + context.get());
        }
        return r;
    }

    /** The directory the CLI reads its config.json from. */
    public Path configDir() {
        return configDir;
    }

    private void writeConfig() {
        try {
            Files.createDirectories(configDir);
            Path config = configDir.resolve("config.json");
            if (!Files.exists(config)) {
                // A config that already lists a login keeps the CLI from adopting a credential store installed on
                // this machine at the first docker login (it takes pass whenever pass exists, and an unset-up pass
                // fails). An empty one: docker-py (compose) resolves every credHelpers entry, even unused ones.
                Files.writeString(config, "{\"auths\": {\"berth-tests.invalid\": {}}}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
