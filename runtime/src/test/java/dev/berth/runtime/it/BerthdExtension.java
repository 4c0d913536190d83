package dev.berth.runtime.it;

import dev.berth.runtime.api.Routes;
import dev.berth.testkit.BerthdCommand;
import dev.berth.testkit.BerthdProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Starts a real berthd as a subprocess (the test JVM's java and classpath) on a temp socket, data root and
 * exec root, for integration tests; its log is printed when a test fails. Use as
 * {@code @RegisterExtension static BerthdExtension berthd = new BerthdExtension();} (optionally
 * {@code .withRoutes(MyTestRoutes.class)}), or {@code @ExtendWith(BerthdExtension.class)} with a
 * {@code BerthdExtension} test parameter.
 */
public final class BerthdExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        TestExecutionExceptionHandler, ParameterResolver {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOCKER_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> extraRoutes = new ArrayList<>();
    private final List<String> extraArgs = new ArrayList<>();
    private final java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
    private Path dir;
    private BerthdProcess process;

    /** Serves these test-only route groups too (they need a public no-arg constructor). */
    @SafeVarargs
    public final BerthdExtension withRoutes(Class<? extends Routes>... routes) {
        for (Class<? extends Routes> r : routes) {
            extraRoutes.add(r.getName());
        }
        return this;
    }

    /** Sets a system property in berthd's JVM (test-only tunables such as time-outs). */
    public BerthdExtension withProperty(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** Passes more flags to berthd. */
    public BerthdExtension withArgs(String... args) {
        extraArgs.addAll(Arrays.asList(args));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (process == null) {
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (process == null) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (process != null && process.isAlive()) {
                removeEverything();
                process.stop(STOP_TIMEOUT);
            }
            if (dir != null) {
                dev.berth.testkit.EngineRules.remove(dataRoot());
            }
        } finally {
            process = null;
            deleteTree(dir);
            dir = null;
        }
    }

    /**
     * Containers outlive berthd by design, so a test class removes what it made before berthd stops: no
     * container, network rule or namespace of one class is left to disturb the next.
     */
    private void removeEverything() {
        String ids = docker("ps", "-aq").stdout().trim();
        if (!ids.isEmpty()) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("rm", "-f", "-v"));
            args.addAll(java.util.List.of(ids.split("\\s+")));
            docker(args.toArray(String[]::new));
        }
        docker("network", "prune", "-f");
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        System.err.println("===== berthd log (" + context.getDisplayName() + " failed) =====\n" + log()
                + "===== end of berthd log =====");
        throw throwable;
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getParameter().getType() == BerthdExtension.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        return this;
    }

    /** Starts berthd (again, after {@link #stop()} or {@link #kill9()}, on the same data root). */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("berthd is already running");
        }
        if (dir == null) {
            try {
                // Short path: a unix socket path must fit in 108 bytes.
                dir = Files.createTempDirectory(Path.of("/tmp"), "berth-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        process = new BerthdProcess(socket(), dir.resolve("berthd.log"), BerthdCommand.of(extraRoutes, properties, daemonArgs()));
        process.start(START_TIMEOUT);
    }

    /** SIGTERM and wait; returns berthd's exit status. */
    public int stop() {
        return process.stop(STOP_TIMEOUT);
    }

    /** SIGKILL, as a crash would. */
    public void kill9() {
        process.kill9();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The flags berthd is started with. */
    public List<String> daemonArgs() {
        List<String> args = new ArrayList<>(List.of("-H", "unix://" + socket(), "--data-root", dataRoot().toString(),
                "--exec-root", execRoot().toString(), "--log-level", "debug"));
        args.addAll(extraArgs);
        return args;
    }

    public Path socket() {
        return dir.resolve("berthd.sock");
    }

    public String dockerHost() {
        return "unix://" + socket();
    }

    public Path dataRoot() {
        return dir.resolve("data");
    }

    public Path execRoot() {
        return dir.resolve("exec");
    }

    public Path pidFile() {
        return execRoot().resolve("berthd.pid");
    }

    /** A scratch directory for the test, deleted with the rest. */
    public Path tempDir() {
        return dir;
    }

    /** Everything berthd logged so far (all runs). */
    public String log() {
        return process == null ? "" : process.log();
    }

    /** Runs the real docker CLI against this berthd. */
    public CommandResult docker(String... args) {
        return dockerWithInput(null, args);
    }

    /** Runs the docker CLI with {@code stdin} as its input. */
    public CommandResult dockerWithInput(byte[] stdin, String... args) {
        Path config = dir.resolve("docker-config");
        try {
            Files.createDirectories(config);
            if (!Files.exists(config.resolve("config.json"))) {
                // A config that already lists a login keeps the CLI from adopting a credential store installed on
                // this machine at the first docker login (it takes pass whenever pass exists, and an unset-up pass
                // fails). An empty one: docker-py (compose) resolves every credHelpers entry, even unused ones.
                Files.writeString(config.resolve("config.json"), "{\"auths\": {\"berth-tests.invalid\": {}}}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("docker");
        cmd.addAll(Arrays.asList(args));
        return ProcessRunner.run(cmd, Map.of("DOCKER_HOST", dockerHost(), "DOCKER_CONFIG", config.toString(),
                "DOCKER_CONTEXT", "default", "DOCKER_CLI_HINTS", "false"), stdin, DOCKER_TIMEOUT);
    }

    /** One request on a fresh connection. */
    public HttpResult http(String method, String path, byte[] body) {
        return http(method, path, Map.of(), body);
    }

    public HttpResult http(String method, String path) {
        return http(method, path, Map.of(), null);
    }

    public HttpResult http(String method, String path, Map<String, String> headers, byte[] body) {
        try (HttpConnection c = connect()) {
            return c.exchange(method, path, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    /** A connection for several requests, chunked bodies or hijacking. */
    public HttpConnection connect() throws IOException {
        return new HttpConnection(socket());
    }

    /** Runs another berthd to completion (for start-up failures); it is killed after {@code timeout}. */
    public static CommandResult runBerthd(Duration timeout, String... args) {
        return ProcessRunner.run(BerthdCommand.of(List.of(), Arrays.asList(args)), Map.of(), null, timeout);
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: /tmp is cleaned eventually
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
