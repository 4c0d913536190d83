package dev.berth.runtime.image.registry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * One registry API call, described so that it can be sent again: after a 401 with fresh credentials, or
 * after a transient failure. {@code body} is asked for a new publisher on every attempt.
 */
record RegistryRequest(String method, URI uri, Map<String, String> headers, IOSupplier<HttpRequest.BodyPublisher> body,
        boolean followRedirects) {

    static RegistryRequest get(URI uri, Map<String, String> headers) {
        return new RegistryRequest("GET", uri, headers, null, true);
    }

    static RegistryRequest head(URI uri) {
        return new RegistryRequest("HEAD", uri, Map.of(), null, true);
    }

    RegistryRequest withUri(URI next) {
        return new RegistryRequest(method, next, headers, body, followRedirects);
    }
}
