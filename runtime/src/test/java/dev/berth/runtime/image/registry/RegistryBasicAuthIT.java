package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.UnauthorizedException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A real registry with htpasswd Basic auth. */
class RegistryBasicAuthIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.basic("alice", "s3cret");

    static TestImage image;

    @TempDir
    Path tmp;

    private final RegistryClient client = new RegistryClient(
            new RegistryOptions(Set.of(), List.of(), 3, 1, Duration.ofSeconds(10)));

    @BeforeAll
    static void push() {
        image = TestImages.busybox();
        image.push(registry, "basic/busybox", "v1");
    }

    private RegistrySession session(Credentials credentials) {
        return client.session(ImageReference.parse(registry.host() + "/basic/busybox"), credentials, false);
    }

    @Test
    void pullsWithTheRightPassword() throws Exception {
        RegistrySession session = session(Credentials.basic("alice", "s3cret"));
        ResolvedManifest resolved = session.resolve("v1", Platform.parse("linux/amd64"));
        assertEquals(image.manifestDigest(), resolved.manifestDigest().toString());
        Descriptor layer = resolved.manifest().layers().getLast();
        try (FileIngest ingest = new FileIngest(tmp, layer.digest(), layer.size())) {
            session.fetchBlob(layer, ingest, n -> {});
            ingest.commit();
        }
    }

    @Test
    void wrongOrMissingPasswordIsUnauthorized() {
        UnauthorizedException wrong = assertThrows(UnauthorizedException.class,
                () -> session(Credentials.basic("alice", "nope")).resolve("v1", null));
        assertEquals("unauthorized: authentication required", wrong.getMessage());
        assertThrows(UnauthorizedException.class, () -> session(Credentials.anonymous()).resolve("v1", null));
    }

    @Test
    void loginChecksTheCredentials() {
        assertEquals("", client.login(registry.host(), Credentials.basic("alice", "s3cret")));
        assertEquals("", client.login("http://" + registry.host() + "/v2/", Credentials.basic("alice", "s3cret")));
        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> client.login(registry.host(), Credentials.basic("alice", "wrong")));
        assertTrue(e.getMessage().contains("incorrect username or password"), e.getMessage());
        assertThrows(UnauthorizedException.class, () -> client.login(registry.host(), Credentials.anonymous()));
    }
}
