package dev.berth.runtime.image.registry;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** The two JDK HTTP clients the registry client needs: one that verifies certificates, one for insecure registries. */
final class HttpClients {
    private HttpClients() {}

    /**
     * Redirects are followed by {@link RegistryHttp} itself, because the JDK would carry the registry's
     * Authorization header to the redirect target. HTTP/1.1 keeps connection behaviour predictable across
     * registries and proxies.
     */
    static HttpClient verifying(Duration connectTimeout) {
        return base(connectTimeout).build();
    }

    /** Accepts any certificate and host name, as docker does for registries listed as insecure. */
    static HttpClient trustingAll(Duration connectTimeout) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new TrustAll()}, new SecureRandom());
            return base(connectTimeout).sslContext(context).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always offers TLS", e);
        }
    }

    private static HttpClient.Builder base(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
    }

    /**
     * An extended trust manager that checks nothing. Being "extended" matters: the JDK then leaves host-name
     * checking to it, so it skips that too, instead of failing on a self-signed certificate's name.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}
        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
