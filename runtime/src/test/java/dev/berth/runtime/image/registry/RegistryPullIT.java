package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.digest.DigestMismatchException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageIndex;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.testkit.LayerBuilder;
import dev.berth.testkit.ManifestFormat;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from a real open registry: resolve by tag and digest, index platform selection, blob streaming, corruption. */
class RegistryPullIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    static final Platform AMD64 = Platform.parse("linux/amd64");
    static final Platform ARM64 = Platform.parse("linux/arm64");
    static TestImage busybox;
    static TestImage busyboxArm;

    @TempDir
    Path tmp;

    private final RegistryClient client = new RegistryClient(
            new RegistryOptions(Set.of(), List.of(), 3, 1, Duration.ofSeconds(10)));

    @BeforeAll
    static void push() {
        busybox = TestImages.busybox();
        busybox.push(registry, "pull/busybox", "v1");
        busyboxArm = TestImages.busyboxBuilder().platform("linux", "arm64", null).build();
        TestImage.pushIndex(registry, "pull/multi", "latest", busybox, busyboxArm);
        TestImages.busyboxBuilder().mediaTypes(ManifestFormat.DOCKER).build().push(registry, "pull/docker", "v1");
    }

    private RegistrySession session(String repo) {
        return client.session(ImageReference.parse(registry.host() + "/" + repo), Credentials.anonymous(), false);
    }

    @Test
    void resolvesATagToTheManifest() {
        ResolvedManifest resolved = session("pull/busybox").resolve("v1", AMD64);
        assertEquals(busybox.manifestDigest(), resolved.manifestDigest().toString());
        assertEquals(resolved.manifestDigest(), resolved.topDigest());
        assertEquals(MediaTypes.OCI_MANIFEST, resolved.manifestMediaType());
        assertNull(resolved.indexBytes());
        assertArrayEquals(busybox.manifestBytes(), resolved.manifestBytes());
        assertEquals(busybox.layers().size(), resolved.manifest().layers().size());
        assertEquals(busybox.configDigest(), resolved.manifest().config().digest().toString());
    }

    @Test
    void resolvesByDigestAndDockerMediaTypes() {
        ResolvedManifest byDigest = session("pull/busybox").resolve(busybox.manifestDigest(), AMD64);
        assertEquals(busybox.manifestDigest(), byDigest.topDigest().toString());
        ResolvedManifest docker = session("pull/docker").resolve("v1", AMD64);
        assertEquals(MediaTypes.DOCKER_MANIFEST, docker.manifestMediaType());
        assertEquals(MediaTypes.DOCKER_CONFIG, docker.manifest().config().mediaType());
    }

    @Test
    void picksThePlatformFromAnIndex() throws Exception {
        RegistrySession session = session("pull/multi");
        ResolvedManifest amd = session.resolve("latest", AMD64);
        ResolvedManifest arm = session.resolve("latest", ARM64);
        assertEquals(busybox.manifestDigest(), amd.manifestDigest().toString());
        assertEquals(busyboxArm.manifestDigest(), arm.manifestDigest().toString());
        assertEquals(amd.topDigest(), arm.topDigest(), "both resolve through the same index");
        assertNotEquals(amd.topDigest(), amd.manifestDigest());
        assertEquals(MediaTypes.OCI_INDEX, amd.topMediaType());
        assertEquals(amd.topDigest(), Digest.sha256(amd.indexBytes()));
        assertEquals(2, Json.MAPPER.readValue(amd.indexBytes(), ImageIndex.class).manifests().size());

        NotFoundException none = assertThrows(NotFoundException.class,
                () -> session.resolve("latest", Platform.parse("linux/ppc64le")));
        assertEquals("no matching manifest for linux/ppc64le in the manifest list entries"
                + " (available: linux/amd64, linux/arm64)", none.getMessage());
    }

    @Test
    void unknownTagOrRepositoryIsNotFound() {
        NotFoundException tag = assertThrows(NotFoundException.class,
                () -> session("pull/busybox").resolve("v9", AMD64));
        assertEquals(
                "manifest for " + registry.host() + "/pull/busybox:v9 not found: manifest unknown: manifest unknown",
                tag.getMessage());
        // distribution 2.8 answers MANIFEST_UNKNOWN (not NAME_UNKNOWN) for a repository it never saw.
        NotFoundException repo = assertThrows(NotFoundException.class,
                () -> session("pull/nothing").resolve("v1", AMD64));
        assertTrue(repo.getMessage().startsWith("manifest for " + registry.host() + "/pull/nothing:v1 not found"),
                repo.getMessage());
    }

    @Test
    void fetchesConfigAndStreamsLayers() throws Exception {
        RegistrySession session = session("pull/busybox");
        ResolvedManifest resolved = session.resolve("v1", AMD64);
        assertArrayEquals(busybox.configBytes(), session.fetchBlobBytes(resolved.manifest().config()));
        for (Descriptor layer : resolved.manifest().layers()) {
            AtomicLong progress = new AtomicLong();
            try (FileIngest ingest = new FileIngest(tmp, layer.digest(), layer.size())) {
                session.fetchBlob(layer, ingest, progress::set);
                assertEquals(layer.digest(), ingest.commit());
                assertEquals(layer.size(), progress.get());
                assertEquals(0, ingest.resets);
            }
            assertTrue(session.blobExists(layer.digest()));
        }
        assertEquals(false, session.blobExists(Digest.sha256("no such blob".getBytes())));
    }

    @Test
    void corruptBlobsAreDetected() throws Exception {
        // A layer and config of their own: the registry stores blobs once for all repositories.
        TestImage victim = TestImage.builder()
                .layer(LayerBuilder.layer().file("victim.txt", "about to be corrupted\n").build())
                .label("dev.berth.test", "corrupt")
                .build();
        victim.push(registry, "pull/corrupt", "v1");
        RegistrySession session = session("pull/corrupt");
        ResolvedManifest resolved = session.resolve("v1", AMD64);
        Descriptor layer = resolved.manifest().layers().getFirst();
        registry.corruptBlob(layer.digest().toString());
        registry.corruptBlob(resolved.manifest().config().digest().toString());

        try (FileIngest ingest = new FileIngest(tmp, layer.digest(), layer.size())) {
            session.fetchBlob(layer, ingest, n -> {});
            assertThrows(DigestMismatchException.class, ingest::commit);
        }
        assertThrows(DigestMismatchException.class, () -> session.fetchBlobBytes(resolved.manifest().config()));
    }
}
