package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull and push against a registry that wants a password: the app sends the credentials the docker CLI keeps in
 * {@code config.json} (what {@code docker login} and Berth's sign-in write), and nothing without them.
 */
class PrivateRegistryIT {
    @RegisterExtension
    @Order(1)
    static RegistryExtension registry = RegistryExtension.basic("alice", "s3cret");

    @RegisterExtension
    @Order(2)
    static BerthdExtension berthd = BerthdExtension.fromCheckout();

    @TempDir
    Path dockerConfig;

    @AfterEach
    void forgetConfig() {
        System.clearProperty("DOCKER_CONFIG");
    }

    /** An engine client reading credentials from {@code dockerConfig} (docker-java honours DOCKER_CONFIG). */
    private Engine engine() {
        System.setProperty("DOCKER_CONFIG", dockerConfig.toString());
        return new DockerJavaEngine(berthd.dockerHost());
    }

    @Test
    void withoutCredentialsThePullIsRefusedInWords() {
        TestImages.busybox().push(registry, "private/app", "1");
        try (Engine engine = engine()) {
            EngineException e = assertThrows(EngineException.class,
                    () -> engine.pullImage(registry.host() + "/private/app:1", p -> {}));
            assertTrue(e.getMessage().toLowerCase().contains("access denied"), e.getMessage());
        }
    }

    @Test
    void theSavedCredentialsPullAndPush() throws Exception {
        TestImages.busybox().push(registry, "private/app", "1");
        String auth = Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"),
                "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        try (Engine engine = engine()) {
            String image = registry.host() + "/private/app:1";
            engine.pullImage(image, p -> {});
            assertTrue(engine.listImages().stream().anyMatch(i -> i.repoTags().contains(image)),
                    engine.listImages()::toString);
            engine.tagImage(image, registry.host() + "/private/app", "pushed");
            engine.pushImage(registry.host() + "/private/app:pushed", p -> {}, new dev.berth.app.engine.Cancellation());
        }
        var pushed = registry.client().manifest("private/app", "pushed");
        assertTrue(pushed.status() == 200, () -> "the pushed tag is in the registry: " + pushed.status());
    }
}
