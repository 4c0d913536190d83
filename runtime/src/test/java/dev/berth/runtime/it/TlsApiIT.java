package dev.berth.runtime.it;

import dev.berth.testkit.ProcessRunner;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.Await;
import dev.berth.testkit.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API on TCP behind mutual TLS, as dockerd's {@code --tlsverify}: the docker CLI with the client certificate
 * runs containers through it (attach and stdin included); a client without a certificate, with one from another CA,
 * with an expired one, or speaking plain HTTP is turned away and berthd keeps serving; plain TCP on a public address
 * does not start.
 */
class TlsApiIT {
    private static final TlsMaterial TLS = makeTls();
    private static final int PORT = freePort();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("tls/busybox:1").withArgs("-H",
            "tcp://127.0.0.1:" + PORT, "--tlsverify",
            "--tlscacert", TLS.caCert().toString(), "--tlscert", TLS.serverCert().toString(),
            "--tlskey", TLS.serverKey().toString());

    private static String image;

    private static TlsMaterial makeTls() {
        try {
            return TlsMaterial.create(Files.createTempDirectory("berth-tls-it"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());
    }

    /** The docker CLI on the TLS endpoint with the client files in {@code certs} (ca.pem, cert.pem, key.pem). */
    private static CommandResult overTls(Path certs, byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", "tcp://127.0.0.1:" + PORT, "--tlsverify",
                "--tlscacert", certs.resolve("ca.pem").toString(), "--tlscert", certs.resolve("cert.pem").toString(),
                "--tlskey", certs.resolve("key.pem").toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(cmd, Map.of("DOCKER_CONFIG", certs.toString()), stdin, Duration.ofSeconds(60));
    }

    @Test
    void theDockerCliWithTheClientCertificateRunsContainers() {
        CommandResult version = overTls(TLS.clientDir(), null, "version", "--format", "{{.Server.Version}}");
        assertEquals(0, version.exitCode(), version.stderr());
        CommandResult run = overTls(TLS.clientDir(), null, "run", "--rm", "--network", "none", image, "echo",
                "over tls");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("over tls", run.stdout().trim());
        CommandResult piped = overTls(TLS.clientDir(), "line one\nline two\n".getBytes(StandardCharsets.UTF_8),
                "run", "--rm", "-i", "--network", "none", image, "wc", "-l");
        assertEquals(0, piped.exitCode(), "stdin's end reaches the container through TLS: " + piped.stderr());
        assertEquals("2", piped.stdout().trim());
    }

    @Test
    void clientsWithoutAGoodCertificateAreTurnedAway() throws Exception {
        Path noCert = Files.createTempDirectory("berth-tls-nocert");
        Files.copy(TLS.caCert(), noCert.resolve("ca.pem"));
        CommandResult anonymous = ProcessRunner.run(List.of("docker", "-H", "tcp://127.0.0.1:" + PORT, "--tls",
                "--tlscacert", noCert.resolve("ca.pem").toString(), "version"),
                Map.of("DOCKER_CONFIG", noCert.toString()),
                null, Duration.ofSeconds(60));
        assertNotEquals(0, anonymous.exitCode());
        assertTrue(anonymous.stderr().contains("certificate"), "the client is told why: " + anonymous.stderr());

        CommandResult stranger = overTls(TLS.otherCaClientDir(), null, "version");
        assertNotEquals(0, stranger.exitCode());
        assertTrue(stranger.stderr().contains("certificate"), stranger.stderr());

        CommandResult expired = overTls(TLS.expiredClientDir(), null, "version");
        assertNotEquals(0, expired.exitCode());
        assertTrue(expired.stderr().contains("certificate"), expired.stderr());

        CommandResult plain = ProcessRunner.run(List.of("docker", "-H", "tcp://127.0.0.1:" + PORT, "version"),
                Map.of("DOCKER_CONFIG", noCert.toString()), null, Duration.ofSeconds(60));
        assertNotEquals(0, plain.exitCode(), "plain HTTP on the TLS port");
        assertTrue(plain.stderr().contains("HTTP request to an HTTPS server"),
                "answered as dockerd answers: " + plain.stderr());

        Await.until("berthd logging why it refused", Duration.ofSeconds(10),
                () -> berthd.log().contains("refused a TLS client"), () -> berthd.log());
        assertTrue(berthd.log().toLowerCase(java.util.Locale.ROOT).contains("expired"),
                "the log names the expired certificate: " + berthd.log());
        assertEquals(0, overTls(TLS.clientDir(), null, "version").exitCode(), "berthd keeps serving");
        assertEquals(0, berthd.docker("version").exitCode(), "and on its unix socket");
    }

    @Test
    void plainTcpOnAPublicAddressDoesNotStart() {
        CommandResult r = BerthdExtension.runBerthd(Duration.ofSeconds(60), "-H", "tcp://0.0.0.0:" + freePort(),
                "--data-root", berthd.tempDir().resolve("other-data").toString(),
                "--exec-root", berthd.tempDir().resolve("other-exec").toString());
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("without TLS") && r.stderr().contains("--tlsverify"), r.stderr());
    }
}
