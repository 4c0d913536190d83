package dev.berth.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link RegistryServer} before a test class and stops it after:
 * {@code @RegisterExtension static RegistryExtension registry = RegistryExtension.basic("alice", "secret");}
 * (the field must be static so that JUnit calls beforeAll/afterAll).
 */
public final class RegistryExtension implements BeforeAllCallback, AfterAllCallback, RegistryEndpoint {

    private final Supplier<RegistryServer> factory;
    private RegistryServer server;

    private RegistryExtension(Supplier<RegistryServer> factory) {
        this.factory = factory;
    }

    public static RegistryExtension open() {
        return new RegistryExtension(RegistryServer::open);
    }

    public static RegistryExtension basic(String user, String password) {
        return new RegistryExtension(() -> RegistryServer.basic(user, password));
    }

    public static RegistryExtension token(String user, String password) {
        return new RegistryExtension(() -> RegistryServer.token(user, password));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = factory.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server; fails when used outside the class's lifetime (e.g. a non-static field). */
    public RegistryServer server() {
        if (server == null) {
            throw new IllegalStateException("the registry is not running: register the extension on a static field");
        }
        return server;
    }

    @Override
    public String host() {
        return server().host();
    }

    public int port() {
        return server().port();
    }

    @Override
    public URI baseUri() {
        return server().baseUri();
    }

    @Override
    public String user() {
        return server().user();
    }

    @Override
    public String password() {
        return server().password();
    }

    public Path storageDir() {
        return server().storageDir();
    }

    public int tokensIssued() {
        return server().tokensIssued();
    }

    /** See {@link RegistryServer#pause()}. */
    public void pause() {
        server().pause();
    }

    /** See {@link RegistryServer#resume()}. */
    public void resume() {
        server().resume();
    }

    public void corruptBlob(String digest) {
        server().corruptBlob(digest);
    }
}
