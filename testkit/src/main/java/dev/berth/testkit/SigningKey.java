package dev.berth.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An RSA key pair with a self-signed certificate that signs registry tokens; the certificate is the
 * registry's {@code rootcertbundle}.
 */
final class SigningKey {

    private static final char[] STORE_PASSWORD = "berth-testkit".toCharArray();
    private static SigningKey shared;

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private SigningKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** One key per JVM: keytool takes a second, and every token registry may trust the same certificate. */
    static synchronized SigningKey shared() throws IOException {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    // The JDK has no public API to make a certificate, so keytool (always next to java) makes it.
    private static SigningKey generate() throws IOException {
        Path dir = Files.createTempDirectory("berth-token-key-");
        Path store = dir.resolve("token.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "token", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "30", "-dname", "CN=berth-testkit-token-issuer",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, STORE_PASSWORD);
            }
            return new SigningKey((PrivateKey) keyStore.getKey("token", STORE_PASSWORD),
                    (X509Certificate) keyStore.getCertificate("token"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key keytool made", e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    /** The certificate in PEM, the form distribution's {@code rootcertbundle} reads. */
    String certificatePem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as standard base64 DER: one element of a JWT {@code x5c} header. */
    String certificateX5c() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RS256 (RSASSA-PKCS1-v1_5 with SHA-256) signature of {@code data}. */
    byte[] signRs256(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
