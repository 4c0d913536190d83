package dev.berth.testkit;

import java.net.URI;

/** Where a test registry listens and which credentials it wants ({@code null} user and password: none). */
public interface RegistryEndpoint {

    /** {@code localhost:PORT}: the form an image reference uses; docker treats localhost as plain HTTP. */
    String host();

    /** {@code http://127.0.0.1:PORT}, the base every {@code /v2/} path is resolved against. */
    URI baseUri();

    /** The user name the registry accepts, or {@code null} when it needs none. */
    String user();

    /** The password of {@link #user()}, or {@code null} when it needs none. */
    String password();

    /** A client for this registry that answers Basic and Bearer challenges with these credentials. */
    default RegistryClient client() {
        return new RegistryClient(baseUri(), user(), password());
    }
}
