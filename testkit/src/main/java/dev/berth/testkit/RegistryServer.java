package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real registry (Debian's {@code docker-registry}, distribution 2.8) on a free 127.0.0.1 port, storing
 * under a temp directory; without auth, with htpasswd Basic auth, or with token auth against an in-JVM
 * token service. Close it to stop the process and delete its files.
 */
public final class RegistryServer implements RegistryEndpoint, AutoCloseable {

    /** The binary; a system property overrides it for machines that install it elsewhere. */
    private static final String BINARY = System.getProperty("berth.testkit.registry", "/usr/bin/docker-registry");
    private static final String SERVICE = "berth-testkit-registry";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final String user;
    private final String password;
    private final TokenService tokens;
    private final Process process;
    private final Thread cleanupOnExit;

    private RegistryServer(Path dir, int port, String user, String password, TokenService tokens, Process process) {
        this.dir = dir;
        this.port = port;
        this.user = user;
        this.password = password;
        this.tokens = tokens;
        this.process = process;
        // A test JVM that is killed or never calls close() must not leave a registry running on the machine.
        this.cleanupOnExit = new Thread(() -> {
            stop(process);
            TempTree.delete(dir);
        }, "berth-registry-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** A registry anyone may push to and pull from. */
    public static RegistryServer open() {
        return start(null, null, Auth.NONE);
    }

    /** A registry that wants HTTP Basic credentials (htpasswd, bcrypt). */
    public static RegistryServer basic(String user, String password) {
        return start(requireText(user, "user"), requireText(password, "password"), Auth.BASIC);
    }

    /** A registry that wants Bearer tokens from a token service that knows one user. */
    public static RegistryServer token(String user, String password) {
        return start(requireText(user, "user"), requireText(password, "password"), Auth.TOKEN);
    }

    private enum Auth { NONE, BASIC, TOKEN }

    private static RegistryServer start(String user, String password, Auth auth) {
        Path dir = null;
        TokenService tokens = null;
        try {
            dir = Files.createTempDirectory("berth-registry-");
            String authConfig = switch (auth) {
                case NONE -> "";
                case BASIC -> basicAuthConfig(dir, user, password);
                case TOKEN -> {
                    SigningKey key = SigningKey.shared();
                    tokens = new TokenService(user, password, SERVICE, key);
                    yield tokenAuthConfig(dir, key, tokens);
                }
            };
            // The free port is probed and released before the registry binds it; another process may
            // grab it in between, so a bind failure is retried on a new port.
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                try {
                    Process process = launch(dir, port, authConfig);
                    return new RegistryServer(dir, port, user, password, tokens, process);
                } catch (IllegalStateException e) {
                    last = e;
                    if (!e.getMessage().contains("address already in use")) {
                        break;
                    }
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            if (tokens != null) {
                tokens.close();
            }
            if (dir != null) {
                TempTree.delete(dir);
            }
            throw e instanceof IOException io ? new UncheckedIOException("cannot start the test registry", io)
                    : (RuntimeException) e;
        }
    }

    private static Process launch(Path dir, int port, String authConfig) throws IOException {
        Path config = dir.resolve("config.yml");
        Path log = dir.resolve("registry.log");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: info
                  formatter: text
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                  maintenance:
                    uploadpurging:
                      enabled: false
                http:
                  addr: 127.0.0.1:%d
                  secret: %s
                %s""".formatted(dir.resolve("storage"), port, HexFormat.of().formatHex(randomBytes()), authConfig));
        ProcessBuilder builder = new ProcessBuilder(BINARY, "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // REGISTRY_* variables override the config file; a stray one in the environment must not change the test.
        builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_"));
        Process process = builder.start();
        try {
            awaitReady(process, port);
            return process;
        } catch (RuntimeException e) {
            stop(process);
            throw new IllegalStateException(e.getMessage() + "; registry log:\n" + tail(log), e);
        }
    }

    private static void awaitReady(Process process, int port) {
        URI ping = URI.create("http://127.0.0.1:" + port + "/v2/");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker-registry exited with " + process.exitValue());
                }
                try {
                    int status = http.send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200 || status == 401) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for docker-registry");
        }
        throw new IllegalStateException("docker-registry did not answer GET /v2/ within " + START_TIMEOUT);
    }

    private static String basicAuthConfig(Path dir, String user, String password) throws IOException {
        Path htpasswd = dir.resolve("htpasswd");
        Process process = new ProcessBuilder("htpasswd", "-Bbn", user, password).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("htpasswd failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running htpasswd", e);
        }
        Files.writeString(htpasswd, output.strip() + "\n");
        return """
                auth:
                  htpasswd:
                    realm: berth-testkit
                    path: %s
                """.formatted(htpasswd);
    }

    private static String tokenAuthConfig(Path dir, SigningKey key, TokenService tokens) throws IOException {
        Path bundle = dir.resolve("token-root.pem");
        Files.writeString(bundle, key.certificatePem());
        return """
                auth:
                  token:
                    realm: %s
                    service: %s
                    issuer: %s
                    rootcertbundle: %s
                """.formatted(tokens.realm(), SERVICE, TokenService.ISSUER, bundle);
    }

    @Override
    public String host() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    /** The registry's storage root ({@code docker/registry/v2/...} lives below it). */
    public Path storageDir() {
        return dir.resolve("storage");
    }

    /** The registry's own log (stdout and stderr), for a failing test to print. */
    public Path logFile() {
        return dir.resolve("registry.log");
    }

    /** How many tokens the token service handed out (0 for other variants): proves a client caches tokens. */
    public int tokensIssued() {
        return tokens == null ? 0 : tokens.tokensIssued();
    }

    /**
     * Overwrites a stored blob with different bytes of the same length, so the registry serves content that
     * no longer matches {@code digest} (it does not re-verify on read).
     */
    public void corruptBlob(String digest) {
        if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        String hex = digest.substring("sha256:".length());
        Path data = storageDir().resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2))
                .resolve(hex).resolve("data");
        try {
            byte[] bytes = Files.readAllBytes(data);
            if (bytes.length == 0) {
                throw new IllegalArgumentException(
                        "an empty blob cannot be corrupted while keeping its length: " + digest);
            }
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            Files.write(data, bytes);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("the registry holds no blob " + digest, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Freezes the registry (SIGSTOP): connections are still accepted by the kernel but nothing answers, as with a
     * registry that hangs mid-transfer. {@link #resume()} lets it go on.
     */
    public void pause() {
        signal("STOP");
    }

    /** Undoes {@link #pause()} (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // The hook is running or about to; stopping twice is harmless.
        }
        stop(process);
        if (tokens != null) {
            tokens.close();
        }
        TempTree.delete(dir);
    }

    @Override
    public String toString() {
        return "RegistryServer[" + host() + (tokens != null ? ", token auth" : user != null ? ", basic auth" : "")
                + "]";
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
