package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The three registry variants start, accept a push from the right user and refuse everyone else. */
class RegistryServerIT {

    private static final byte[] BLOB = "not really a layer".getBytes(StandardCharsets.UTF_8);

    @Test
    void openRegistryAcceptsAnonymousPushAndPull() {
        try (RegistryServer registry = RegistryServer.open()) {
            assertEquals("localhost:" + registry.port(), registry.host());
            assertRoundTrip(registry.client());
        }
    }

    @Test
    void basicRegistryAcceptsItsUserOnly() {
        try (RegistryServer registry = RegistryServer.basic("alice", "s3cret")) {
            assertRoundTrip(registry.client());
            RegistryClient wrong = new RegistryClient(registry.baseUri(), "alice", "wrong");
            assertEquals(401, wrong.get("/v2/").status());
            assertThrows(IllegalStateException.class, () -> wrong.pushBlob("demo", sha256(BLOB), BLOB));
            assertEquals(401, new RegistryClient(registry.baseUri(), null, null).get("/v2/").status());
        }
    }

    @Test
    void tokenRegistryAcceptsItsUserOnlyAndTokensAreCached() {
        try (RegistryServer registry = RegistryServer.token("bob", "t0ken")) {
            RegistryClient client = registry.client();
            assertRoundTrip(client);
            int issued = registry.tokensIssued();
            assertTrue(issued > 0, "the push went through the token service");
            client.blob("demo", sha256(BLOB));
            client.blob("demo", sha256(BLOB));
            assertEquals(issued, registry.tokensIssued(), "a cached token is reused for the same scope");

            RegistryClient wrong = new RegistryClient(registry.baseUri(), "bob", "wrong");
            assertEquals(401, wrong.blob("demo", sha256(BLOB)).status());
            RegistryClient anonymous = new RegistryClient(registry.baseUri(), null, null);
            assertEquals(401, anonymous.blob("demo", sha256(BLOB)).status());
            assertTrue(registry.tokensIssued() > issued, "the anonymous client got a token, one without access");
        }
    }

    @Test
    void corruptBlobChangesServedBytesButNotTheirLength() {
        try (RegistryServer registry = RegistryServer.open()) {
            RegistryClient client = registry.client();
            String digest = sha256(BLOB);
            client.pushBlob("demo", digest, BLOB);
            registry.corruptBlob(digest);
            byte[] served = client.blob("demo", digest).body();
            assertEquals(BLOB.length, served.length);
            assertFalse(java.util.Arrays.equals(BLOB, served));
            assertThrows(IllegalArgumentException.class, () -> registry.corruptBlob(sha256(new byte[]{1})));
        }
    }

    private static void assertRoundTrip(RegistryClient client) {
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        client.pushBlob("demo", sha256(config), config);
        client.pushBlob("demo", sha256(BLOB), BLOB);
        byte[] manifest = """
                {"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"%s","digest":"%s","size":%d},
                 "layers":[{"mediaType":"%s","digest":"%s","size":%d}]}"""
                .formatted(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, sha256(config), config.length,
                        MediaTypes.OCI_LAYER, sha256(BLOB), BLOB.length)
                .getBytes(StandardCharsets.UTF_8);
        client.pushManifest("demo", "v1", MediaTypes.OCI_MANIFEST, manifest);

        RegistryClient.Response pulled = client.manifest("demo", "v1");
        assertEquals(200, pulled.status(), pulled.text());
        assertArrayEquals(manifest, pulled.body());
        assertEquals(sha256(manifest), pulled.header("Docker-Content-Digest"));
        assertArrayEquals(BLOB, client.blob("demo", sha256(BLOB)).body());
        assertArrayEquals(config, client.blob("demo", sha256(config)).body());
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
