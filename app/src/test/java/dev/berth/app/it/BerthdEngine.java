package dev.berth.app.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.testkit.BerthdCommand;
import dev.berth.testkit.BerthdProcess;
import dev.berth.testkit.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real berthd for the app's integration tests, started from the checkout's built runtime the way
 * {@code bin/berthd} starts it (testkit's {@link BerthdCommand#fromCheckout}), on a socket, data root and exec root
 * in a temp directory. Needs root; skipped with the reason otherwise. Register on a static field; everything the
 * tests made is removed before berthd stops (containers outlive berthd by design).
 */
public final class BerthdEngine implements BeforeAllCallback, AfterAllCallback {
    private static final Set<String> BUILT_IN_NETWORKS = Set.of("bridge", "host", "none");
    private Path dir;
    private BerthdProcess process;
    private boolean tls;
    private TlsMaterial tlsMaterial;
    private int tlsPort;

    /** Also serves the API on 127.0.0.1 behind mutual TLS (certificates made by the test: {@link #clientCerts()}). */
    public BerthdEngine withTls() {
        tls = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue(LocalEngineController.runningAsRoot(), "berthd needs root (namespaces, mounts)");
        Path root = BerthdCommand.checkoutRoot();
        assumeTrue(BerthdCommand.builtIn(root), "the runtime is not built: mvn -pl runtime -am package");
        // Short path: a unix socket path must fit in 108 bytes.
        dir = Files.createTempDirectory(Path.of("/tmp"), "berth-app-it-");
        if (tls) {
            try {
                tlsMaterial = TlsMaterial.create(Files.createDirectories(dir.resolve("tls")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try (var free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                tlsPort = free.getLocalPort();
            }
        }
        process = new BerthdProcess(socket(), dir.resolve("berthd.log"), command());
        process.start(Duration.ofSeconds(90));
    }

    /** The command that runs this berthd in the foreground (for a {@link LocalEngineController}). */
    public List<String> command() {
        List<String> args = new java.util.ArrayList<>(List.of("-H", uri(), "--data-root",
                dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(), "--pidfile",
                dir.resolve("berthd.pid").toString()));
        if (tlsMaterial != null) {
            args.addAll(List.of("-H", tlsUri(), "--tlsverify", "--tlscacert", tlsMaterial.caCert().toString(),
                    "--tlscert", tlsMaterial.serverCert().toString(), "--tlskey", tlsMaterial.serverKey().toString()));
        }
        return BerthdCommand.fromCheckout(BerthdCommand.checkoutRoot(), args);
    }

    /** The TLS endpoint ({@link #withTls()}): {@code tcp://127.0.0.1:<port>}. */
    public String tlsUri() {
        return "tcp://127.0.0.1:" + tlsPort;
    }

    /** ca.pem, cert.pem and key.pem of a client the TLS endpoint accepts. */
    public Path clientCerts() {
        return tlsMaterial.clientDir();
    }

    /** Stops the berthd this fixture started (a test that starts its own engine on the same root needs it gone). */
    public void stop() {
        if (process != null && process.isAlive()) {
            cleanUp();
            process.stop(Duration.ofSeconds(30));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            stop();
        } finally {
            dev.berth.testkit.EngineRules.remove(dir.resolve("data"));
            deleteTree(dir);
        }
    }

    private void cleanUp() {
        try (Engine e = new DockerJavaEngine(uri())) {
            e.listContainers().forEach(c -> e.removeContainer(c.id(), true));
            e.listNetworks().stream().filter(n -> !BUILT_IN_NETWORKS.contains(n.name()))
                    .forEach(n -> e.removeNetwork(n.id()));
        } catch (RuntimeException e) {
            System.err.println("berth-app-it: clean-up failed: " + e.getMessage());
        }
    }

    public Path socket() {
        return dir.resolve("berthd.sock");
    }

    public String uri() {
        return "unix://" + socket();
    }

    public Path dir() {
        return dir;
    }

    public String log() {
        return process == null ? "" : process.log();
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: a mount left by a crash would show up in the next run's berthd log.
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort.
        }
    }
}
