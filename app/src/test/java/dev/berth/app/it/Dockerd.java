package dev.berth.app.it;

import dev.berth.testkit.TempTree;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.localengine.LocalEngineController;
import dev.berth.testkit.ReferenceDockerd;
import dev.berth.testkit.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The testkit's reference dockerd ({@link ReferenceDockerd}: its own socket and roots, no iptables, no bridge) for
 * one test class, also serving TCP on loopback behind TLS with certificates made here. Skipped with the reason when
 * dockerd is not installed or we are not root.
 */
final class Dockerd implements BeforeAllCallback, AfterAllCallback {
    private Path tlsDir;
    private ReferenceDockerd dockerd;
    private TlsMaterial tls;
    private int tlsPort;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeTrue(ReferenceDockerd.installed(), "dockerd is not installed (Debian: apt-get install docker.io; "
                + "scripts/install-deps --test installs it)");
        assumeTrue(LocalEngineController.runningAsRoot(), "dockerd needs root");
        assumeTrue(onPath("openssl"), "openssl is not installed (scripts/install-deps --test installs it)");
        tlsDir = Files.createTempDirectory(Path.of("/tmp"), "berth-dockerd-tls-");
        tls = TlsMaterial.create(tlsDir);
        try (var free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            tlsPort = free.getLocalPort();
        }
        // The unix socket, and TCP on loopback behind TLS with client certificates (dockerd's --tlsverify mode, as
        // a remote engine is set up).
        dockerd = ReferenceDockerd.start(List.of("--host", tlsUri(), "--tlsverify", "--tlscacert",
                tls.caCert().toString(), "--tlscert", tls.serverCert().toString(), "--tlskey",
                tls.serverKey().toString()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dockerd != null) {
            dockerd.close();
        }
        TempTree.delete(tlsDir);
    }

    Path socket() {
        return dockerd.socket();
    }

    String uri() {
        return "unix://" + socket();
    }

    /** dockerd's TLS endpoint: {@code tcp://127.0.0.1:<port>}, client certificates required. */
    String tlsUri() {
        return "tcp://127.0.0.1:" + tlsPort;
    }

    /** ca.pem, cert.pem and key.pem that dockerd's TLS endpoint accepts. */
    Path clientCerts() {
        return tls.clientDir();
    }

    String log() {
        return dockerd.log();
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String d : (path + ":/usr/sbin:/sbin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
