package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.UnauthorizedException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.testkit.LayerBuilder;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A real registry with Bearer-token auth; the test kit's token service counts the tokens it issues. */
class RegistryTokenAuthIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.token("bob", "hunter2");

    static TestImage image;

    @TempDir
    Path tmp;

    private static RegistryClient newClient() {
        return new RegistryClient(new RegistryOptions(Set.of(), List.of(), 3, 1, Duration.ofSeconds(10)));
    }

    @BeforeAll
    static void push() {
        image = TestImages.busybox();
        image.push(registry, "token/busybox", "v1");
    }

    private static RegistrySession session(RegistryClient client, String repo, Credentials credentials, boolean push) {
        return client.session(ImageReference.parse(registry.host() + "/" + repo), credentials, push);
    }

    @Test
    void pullsWithATokenAndReusesIt() throws Exception {
        RegistryClient client = newClient();
        Credentials bob = Credentials.basic("bob", "hunter2");
        int before = registry.tokensIssued();

        RegistrySession first = session(client, "token/busybox", bob, false);
        ResolvedManifest resolved = first.resolve("v1", Platform.parse("linux/amd64"));
        assertEquals(image.manifestDigest(), resolved.manifestDigest().toString());
        first.fetchBlobBytes(resolved.manifest().config());
        for (Descriptor layer : resolved.manifest().layers()) {
            try (FileIngest ingest = new FileIngest(tmp, layer.digest(), layer.size())) {
                first.fetchBlob(layer, ingest, n -> {});
                ingest.commit();
            }
        }
        assertEquals(1, registry.tokensIssued() - before, "one token for the whole pull");

        // A new session for the same repository and credentials reuses the cached token.
        session(client, "token/busybox", bob, false).resolve("v1", null);
        assertEquals(1, registry.tokensIssued() - before, "the second pull reuses the token");

        // Another scope needs another token.
        session(client, "token/busybox", bob, true).blobExists(resolved.manifest().config().digest());
        assertEquals(2, registry.tokensIssued() - before);
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> session(newClient(), "token/busybox", Credentials.basic("bob", "wrong"), false).resolve("v1",
                        null));
        assertTrue(e.getMessage().startsWith("unauthorized: incorrect username or password"), e.getMessage());
    }

    @Test
    void anonymousGetsNoAccess() {
        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> session(newClient(), "token/busybox", Credentials.anonymous(), false).resolve("v1", null));
        assertTrue(e.getMessage().startsWith("unauthorized:"), e.getMessage());
    }

    @Test
    void pushesWithAPushScopedToken() {
        RegistrySession session = session(newClient(), "token/pushed", Credentials.basic("bob", "hunter2"), true);
        TestImage small = TestImage.builder()
                .layer(LayerBuilder.layer().file("token.txt", "pushed with a token\n").build())
                .build();
        var layer = small.layers().getFirst();
        session.pushBlob(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.parse(layer.digest()), layer.size()),
                () -> new ByteArrayInputStream(layer.bytes()), null);
        session.pushBlob(
                Descriptor.of(MediaTypes.OCI_CONFIG, Digest.parse(small.configDigest()), small.configBytes().length),
                () -> new ByteArrayInputStream(small.configBytes()), null);
        Digest digest = session.pushManifest("v1", MediaTypes.OCI_MANIFEST, small.manifestBytes());
        assertEquals(small.manifestDigest(), digest.toString());
        assertEquals(digest, session.resolve("v1", null).manifestDigest());
    }

    @Test
    void aRegistryTokenIsUsedAsIsWithoutAskingTheTokenServer() throws Exception {
        // Get a token the way a client holding one would have: from the realm the registry names.
        var http = java.net.http.HttpClient.newHttpClient();
        var ping = http.send(java.net.http.HttpRequest.newBuilder(registry.baseUri().resolve("/v2/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        AuthChallenge challenge = AuthChallenge.parseAll(ping.headers().allValues("WWW-Authenticate")).getFirst();
        String basic = Credentials.basic("bob", "hunter2").basicHeader();
        var tokenResponse = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(challenge.param("realm")
                + "?service=" + challenge.param("service") + "&scope=repository:token/busybox:pull"))
                .header("Authorization", basic).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        String token = dev.berth.runtime.common.Json.MAPPER.readTree(tokenResponse.body()).get("token").asText();

        int before = registry.tokensIssued();
        Credentials registryToken = new Credentials(null, null, null, token);
        ResolvedManifest resolved = session(newClient(), "token/busybox", registryToken, false).resolve("v1", null);
        assertEquals(image.manifestDigest(), resolved.manifestDigest().toString());
        assertEquals(before, registry.tokensIssued());
        // The token grants pull only: pushing with it is refused, and we do not swap it for another.
        RegistrySession push = session(newClient(), "token/busybox", registryToken, true);
        assertThrows(UnauthorizedException.class, () -> push.pushManifest("v2", MediaTypes.OCI_MANIFEST,
                image.manifestBytes()));
        assertEquals(before, registry.tokensIssued());
    }

    @Test
    void loginGetsATokenWithTheCredentials() {
        RegistryClient client = newClient();
        assertEquals("", client.login(registry.host(), Credentials.basic("bob", "hunter2")));
        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> client.login(registry.host(), Credentials.basic("bob", "wrong")));
        assertTrue(e.getMessage().contains("incorrect username or password"), e.getMessage());
    }
}
