package dev.berth.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The one test berthd of every module: a real berthd subprocess on a socket, data root and exec root in a temporary
 * directory, optionally with a registry holding a pushed test image ({@link #withImage}), the docker CLI pointed at
 * it, and its log printed when a test fails. Containers outlive berthd by design, so everything a test class made is
 * removed before berthd stops.
 *
 * <p>{@code @RegisterExtension static BerthdExtension berthd = new BerthdExtension();} runs berthd from the test
 * JVM's class path (the runtime's tests); {@link #fromCheckout()} runs the checkout's built runtime as
 * {@code bin/berthd} does (other modules, which must not depend on the runtime's classes). Outside JUnit (tours,
 * benchmarks) {@link #startNow()} and {@link #close()} do the same.
 */
public final class BerthdExtension
        implements
            BeforeAllCallback,
            BeforeEachCallback,
            AfterAllCallback,
            TestExecutionExceptionHandler,
            ParameterResolver,
            AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final boolean fromCheckout;
    private final List<String> extraRoutes = new ArrayList<>();
    private final List<String> extraArgs = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final EngineExtras extras = new EngineExtras();
    private Path dir;
    private BerthdProcess process;
    private DockerCli cli;

    /** berthd from the test JVM's own class path. */
    public BerthdExtension() {
        this(false);
    }

    private BerthdExtension(boolean fromCheckout) {
        this.fromCheckout = fromCheckout;
    }

    /** berthd from this checkout's built runtime, as {@code bin/berthd} runs it. */
    public static BerthdExtension fromCheckout() {
        return new BerthdExtension(true);
    }

    /** Serves these test-only route groups too (classes with a public no-arg constructor). */
    public BerthdExtension withRoutes(Class<?>... routes) {
        Arrays.stream(routes).map(Class::getName).forEach(extraRoutes::add);
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

    /** Also serves the API on 127.0.0.1 behind mutual TLS, with certificates made for the test ({@link #clientCerts()}). */
    public BerthdExtension withTls() {
        extras.tls = true;
        return this;
    }

    /**
     * Starts a registry beside berthd and pushes testkit's busybox image to it as {@code repoTag} (e.g.
     * {@code "exec/busybox:1"}); {@link #image()} names it for {@code docker run}, {@link #registry()} takes more.
     */
    public BerthdExtension withImage(String repoTag) {
        extras.imageRepoTag = repoTag;
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
        close();
    }

    /** Starts berthd now, outside JUnit's callbacks; {@link #close()} ends it. */
    public BerthdExtension startNow() {
        start();
        return this;
    }

    /** Removes what the tests made, stops berthd, removes its rules, the registry and the temporary directory. */
    @Override
    public void close() {
        try {
            if (process != null && process.isAlive()) {
                removeEverything();
                process.stop(STOP_TIMEOUT);
            }
            if (dir != null) {
                EngineRules.remove(dataRoot());
            }
        } finally {
            process = null;
            extras.close();
            TempTree.delete(dir);
            dir = null;
        }
    }

    /** Containers outlive berthd, so a class removes its containers and networks before berthd stops. */
    private void removeEverything() {
        String ids = docker("ps", "-aq").stdout().trim();
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
            args.addAll(List.of(ids.split("\\s+")));
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
            if (fromCheckout) {
                assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false),
                        "berthd needs root (namespaces, mounts)");
                assumeTrue(BerthdCommand.builtIn(BerthdCommand.checkoutRoot()),
                        "the runtime is not built: mvn -pl runtime -am package");
            }
            dir = TempTree.create("berth-it-");
            cli = new DockerCli(dockerHost(), dir.resolve("docker-config"));
            extras.open(dir);
        }
        process = new BerthdProcess(socket(), dir.resolve("berthd.log"), command());
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

    /** The whole command that runs this berthd in the foreground (for a controller that starts it itself). */
    public List<String> command() {
        return fromCheckout ? BerthdCommand.fromCheckout(BerthdCommand.checkoutRoot(), daemonArgs())
                : BerthdCommand.of(extraRoutes, properties, daemonArgs());
    }

    /** The flags berthd is started with. */
    public List<String> daemonArgs() {
        List<String> args = new ArrayList<>(List.of("-H", dockerHost(), "--data-root", dataRoot().toString(),
                "--exec-root", execRoot().toString(), "--pidfile", pidFile().toString(), "--log-level", "debug"));
        args.addAll(extras.tlsArgs());
        args.addAll(extraArgs);
        return args;
    }

    public Path socket() {
        return dir.resolve("berthd.sock");
    }

    /** {@code unix://<socket>}: DOCKER_HOST, or the app's engine address. */
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

    /** The TLS endpoint ({@link #withTls()}): {@code tcp://127.0.0.1:<port>}. */
    public String tlsUri() {
        return extras.tlsUri();
    }

    /** ca.pem, cert.pem and key.pem of a client the TLS endpoint accepts. */
    public Path clientCerts() {
        return extras.tls().clientDir();
    }

    /** The registry beside berthd ({@link #withImage}). */
    public RegistryServer registry() {
        return extras.registry();
    }

    /** The pushed test image's reference, {@code <registry>/<repo>:<tag>} ({@link #withImage}). */
    public String image() {
        return extras.image();
    }

    /** Everything berthd logged so far (all runs). */
    public String log() {
        return process == null ? "" : process.log();
    }

    /** Runs the real docker CLI against this berthd. */
    public CommandResult docker(String... args) {
        return cli.run(args);
    }

    /** Runs the docker CLI with {@code stdin} as its input. */
    public CommandResult dockerWithInput(byte[] stdin, String... args) {
        return cli.runWithInput(stdin, args);
    }

    /** Runs the docker CLI and fails with its output and berthd's log unless it exits 0. */
    public CommandResult dockerOk(String... args) {
        return cli.ok(this::log, args);
    }

    /** The docker CLI's private configuration directory. */
    public Path dockerConfig() {
        return cli.configDir();
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
}
