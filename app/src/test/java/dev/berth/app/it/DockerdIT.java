package dev.berth.app.it;

import dev.berth.testkit.TempTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import dev.berth.app.support.I18n;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import dev.berth.testkit.TlsMaterial;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same app (its ViewModels and docker-java client) manages a real dockerd: pull from the test registry, list,
 * run from the Run dialog's ViewModel, stop in bulk, remove. Runs when dockerd is installed, skipped otherwise.
 */
class DockerdIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static Dockerd dockerd = new Dockerd();

    private static Engine engine;

    @BeforeAll
    static void connect() {
        I18n.setLocale(Locale.ENGLISH);
        TestImages.busybox().push(registry, "app/busybox", "1");
        engine = new DockerJavaEngine(dockerd.uri());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.listContainers().forEach(c -> engine.removeContainer(c.id(), true));
            engine.close();
        }
    }

    @Test
    void listsAndRunsContainersOnDockerd() {
        assertTrue(engine.version().name().contains("Docker") || engine.version().name().contains("Engine"),
                engine.version().toString());
        String image = registry.host() + "/app/busybox:1";
        var dialogs = new ThroughTheDialogs(engine, dockerd::log);
        dialogs.pull(image);
        dialogs.stopAndRemove(dialogs.run(image, "on-dockerd", ""));
    }

    @Test
    void reachesDockerdOverTlsWithClientCertificatesAndSaysWhyWithout() throws Exception {
        var c = new dev.berth.app.engine.Connection("secure", dev.berth.app.engine.Connection.Kind.USER,
                dockerd.tlsUri(), dockerd.clientCerts().toString());
        try (Engine secure = DockerJavaEngine.of(c)) {
            assertTrue(secure.version().display().contains("Docker") || !secure.version().display().isBlank(),
                    secure.version().toString());
            var mine = engine.listContainers().stream().map(ContainerSummary::id).sorted().toList();
            assertEquals(mine, secure.listContainers().stream().map(ContainerSummary::id).sorted().toList());
        }
        // Plain HTTP to a TLS port, and TLS without a client certificate the engine trusts: an error in words.
        try (Engine plain = new DockerJavaEngine(dockerd.tlsUri())) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(dev.berth.app.engine.EngineException.class,
                    plain::version);
            assertTrue(e.getMessage().contains("HTTPS"), e.getMessage());
        }
        java.nio.file.Path stranger = java.nio.file.Files.createTempDirectory("berth-stranger-");
        try {
            TlsMaterial other = TlsMaterial.create(stranger);
            try (Engine wrongCa = new DockerJavaEngine(dockerd.tlsUri(), other.clientDir().toString())) {
                var e = org.junit.jupiter.api.Assertions.assertThrows(dev.berth.app.engine.EngineException.class,
                        wrongCa::version);
                assertTrue(e.getMessage().contains("ca.pem does not vouch for"), e.getMessage());
            }
            // The right CA, but a client certificate the engine never signed.
            java.nio.file.Files.copy(dockerd.clientCerts().resolve("ca.pem"), other.clientDir().resolve("ca.pem"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (Engine wrongClient = new DockerJavaEngine(dockerd.tlsUri(), other.clientDir().toString())) {
                var e = org.junit.jupiter.api.Assertions.assertThrows(dev.berth.app.engine.EngineException.class,
                        wrongClient::version);
                assertTrue(e.getMessage().contains("accepted this connection's client certificate")
                        || e.getMessage().contains("did not accept this connection's client certificate"),
                        e.getMessage());
            }
        } finally {
            TempTree.delete(stranger);
        }
    }
}
