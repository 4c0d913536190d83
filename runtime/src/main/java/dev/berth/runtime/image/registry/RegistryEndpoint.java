package dev.berth.runtime.image.registry;

import java.net.URI;

/**
 * Where to reach a registry: {@code host[:port]} and the base URI ({@code https://host} or {@code http://host}).
 * {@code skipTlsVerify} is set for HTTPS to an insecure registry, whose certificate docker does not check either.
 */
record RegistryEndpoint(String host, URI base, boolean skipTlsVerify) {

    static RegistryEndpoint https(String host, boolean skipTlsVerify) {
        return new RegistryEndpoint(host, URI.create("https://" + host), skipTlsVerify);
    }

    static RegistryEndpoint http(String host) {
        return new RegistryEndpoint(host, URI.create("http://" + host), false);
    }

    boolean isPlainHttp() {
        return base.getScheme().equals("http");
    }

    /** An absolute URI for a path such as {@code /v2/} or for a (possibly relative) {@code Location} header. */
    URI resolve(String pathOrLocation) {
        return base.resolve(pathOrLocation);
    }
}
