package dev.berth.runtime.api.http;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLS for the API on TCP, as dockerd's {@code --tls}/{@code --tlsverify}: the server's certificate and key (PEM), and
 * with {@code verifyClients} only clients presenting a certificate signed by {@code ca} get in (mutual TLS). Without
 * it the connection is encrypted but anyone may use the API, which is why berthd warns about that mode.
 */
public record ServerTls(Path ca, Path cert, Path key, boolean verifyClients) {
    /** Netty's context for these files; a missing or unreadable file is an IOException that names it. */
    SslContext context() throws IOException {
        for (Path p : verifyClients ? new Path[]{ca, cert, key} : new Path[]{cert, key}) {
            if (!Files.isReadable(p)) {
                throw new IOException("cannot read " + p);
            }
        }
        try {
            SslContextBuilder b = SslContextBuilder.forServer(cert.toFile(), key.toFile())
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2");
            if (verifyClients) {
                b.trustManager(ca.toFile()).clientAuth(ClientAuth.REQUIRE);
            }
            return b.build();
        } catch (IllegalArgumentException | javax.net.ssl.SSLException e) {
            // Netty reads PKCS#8 keys ("BEGIN PRIVATE KEY"), which OpenSSL 3 writes by default; older tools wrote
            // PKCS#1 ("BEGIN RSA PRIVATE KEY").
            throw new IOException("cannot use the TLS certificate " + cert + " and key " + key + ": " + e.getMessage()
                    + " (a PKCS#1 or SEC1 key converts with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8)", e);
        }
    }
}
