package dev.berth.app.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.localengine.LocalEngineController;
import dev.berth.testkit.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private dockerd (Debian's {@code docker.io}) for one test class: its own socket, data root and exec root in a
 * temp directory, no iptables and no bridge so that it leaves the host's (and berthd's) networking alone. Skipped
 * with the reason when dockerd is not installed or we are not root.
 */
final class Dockerd implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private Process process;
    private TlsMaterial tls;
    private int tlsPort;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeTrue(onPath("dockerd"), "dockerd is not installed (Debian: apt-get install docker.io; "
                + "scripts/install-deps --test installs it)");
        assumeTrue(LocalEngineController.runningAsRoot(), "dockerd needs root");
        assumeTrue(onPath("openssl"), "openssl is not installed (scripts/install-deps --test installs it)");
        dir = Files.createTempDirectory(Path.of("/tmp"), "berth-dockerd-");
        tls = TlsMaterial.create(Files.createDirectories(dir.resolve("tls")));
        try (var free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            tlsPort = free.getLocalPort();
        }
        // The unix socket, and TCP on loopback behind TLS with client certificates (dockerd's --tlsverify mode, as
        // a remote engine is set up).
        process = new ProcessBuilder(List.of("dockerd", "--host", uri(), "--host", tlsUri(),
                "--tlsverify", "--tlscacert", tls.caCert().toString(), "--tlscert", tls.serverCert().toString(),
                "--tlskey", tls.serverKey().toString(),
                "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("dockerd.pid").toString(),
                "--iptables=false", "--ip-masq=false", "--bridge=none"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        EngineProcesses.awaitAnswer("dockerd", process, socket(), this::log);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        EngineProcesses.stop(process);
        BerthdEngine.deleteTree(dir);
    }

    Path socket() {
        return dir.resolve("dockerd.sock");
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
        try {
            return Files.readString(dir.resolve("dockerd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
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
