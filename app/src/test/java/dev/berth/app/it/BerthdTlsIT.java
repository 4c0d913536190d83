package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.Connection;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.app.support.I18n;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app reaches berthd as a remote engine over TCP behind mutual TLS, the way it reaches a dockerd set up with
 * {@code --tlsverify}: with the client certificate it pulls, runs and lists; without one it says why.
 */
class BerthdTlsIT {

    @RegisterExtension
    static BerthdExtension berthd = BerthdExtension.fromCheckout().withImage("app/tls:1").withTls();

    @BeforeAll
    static void pushImage() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void managesBerthdOverTlsWithTheClientCertificate() {
        var c = new Connection("berthd over TLS", Connection.Kind.USER, berthd.tlsUri(),
                berthd.clientCerts().toString());
        try (Engine secure = DockerJavaEngine.of(c)) {
            assertTrue(secure.version().display().contains("Berth"), secure.version().toString());
            String image = berthd.image();
            var dialogs = new ThroughTheDialogs(secure, berthd::log);
            dialogs.pull(image);
            ContainerSummary running = dialogs.run(image, "over-tls", "");
            assertEquals(1, secure.listContainers().stream().filter(c2 -> c2.id().equals(running.id())).count());
            dialogs.stopAndRemove(running);
        }
    }

    @Test
    void withoutAClientCertificateTheAppSaysWhy() {
        try (Engine plain = new DockerJavaEngine(berthd.tlsUri())) {
            EngineException e = assertThrows(EngineException.class, plain::version);
            assertTrue(e.getMessage().contains("HTTPS"), e.getMessage());
        }
    }
}
