package dev.berth.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA with a server certificate for 127.0.0.1 and a client certificate, made with the {@code openssl}
 * CLI the way dockerd's TLS guide makes them: {@link #clientDir()} holds {@code ca.pem}, {@code cert.pem} and
 * {@code key.pem} as the docker CLI (and {@code DOCKER_CERT_PATH}) expect them. Also the clients a TLS endpoint must
 * turn away: one whose certificate another CA signed, and one whose certificate has expired.
 */
public final class TlsMaterial {
    private final Path dir;

    private TlsMaterial(Path dir) {
        this.dir = dir;
    }

    /** Makes the CA, server and client certificates under {@code dir}. */
    public static TlsMaterial create(Path dir) throws IOException, InterruptedException {
        Path client = Files.createDirectories(dir.resolve("client"));
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=berth-test-ca");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                + "extendedKeyUsage=serverAuth\n");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server-key.pem", "-out", "server.csr",
                "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "server-cert.pem", "-days", "2", "-extfile", "server.ext");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client/key.pem", "-out", "client.csr",
                "-subj", "/CN=berth-app");
        openssl(dir, "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "client/cert.pem", "-days", "2", "-extfile", "client.ext");
        Files.copy(dir.resolve("ca.pem"), client.resolve("ca.pem"));
        // Signed by a CA the server does not trust (the client still trusts the server's CA).
        Path other = Files.createDirectories(dir.resolve("other-ca-client"));
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca-key.pem", "-out",
                "other-ca.pem", "-days", "2", "-subj", "/CN=some-other-ca");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca-client/key.pem", "-out", "other.csr",
                "-subj", "/CN=stranger");
        openssl(dir, "x509", "-req", "-in", "other.csr", "-CA", "other-ca.pem", "-CAkey", "other-ca-key.pem",
                "-CAcreateserial", "-out", "other-ca-client/cert.pem", "-days", "2", "-extfile", "client.ext");
        Files.copy(dir.resolve("ca.pem"), other.resolve("ca.pem"));
        // Signed by the right CA, valid until a day before it was made.
        Path expired = Files.createDirectories(dir.resolve("expired-client"));
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "expired-client/key.pem", "-out", "expired.csr",
                "-subj", "/CN=expired");
        openssl(dir, "x509", "-req", "-in", "expired.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "expired-client/cert.pem", "-days", "-1", "-extfile", "client.ext");
        Files.copy(dir.resolve("ca.pem"), expired.resolve("ca.pem"));
        return new TlsMaterial(dir);
    }

    public Path caCert() {
        return dir.resolve("ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server-cert.pem");
    }

    public Path serverKey() {
        return dir.resolve("server-key.pem");
    }

    /** ca.pem, cert.pem and key.pem for a client, as the docker CLI expects them. */
    public Path clientDir() {
        return dir.resolve("client");
    }

    /** A client whose certificate a CA the server does not trust signed. */
    public Path otherCaClientDir() {
        return dir.resolve("other-ca-client");
    }

    /** A client whose certificate, from the right CA, has expired. */
    public Path expiredClientDir() {
        return dir.resolve("expired-client");
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed:\n" + out);
        }
    }
}
