package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.image.oci.ImageIndex;
import dev.berth.runtime.image.oci.Platform;
import org.junit.jupiter.api.Test;

class PlatformSelectorTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String C = "sha256:" + "c".repeat(64);
    private static final String D = "sha256:" + "d".repeat(64);
    private static final String E = "sha256:" + "e".repeat(64);
    private static final String F = "sha256:" + "f".repeat(64);

    /** Shaped like a BuildKit multi-arch push: images plus unknown/unknown attestation manifests. */
    private static final String INDEX = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
               "platform":{"architecture":"amd64","os":"linux"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
               "platform":{"architecture":"arm","os":"linux","variant":"v6"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
               "platform":{"architecture":"arm","os":"linux","variant":"v7"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
               "platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
               "annotations":{"vnd.docker.reference.type":"attestation-manifest","vnd.docker.reference.digest":"%s"},
               "platform":{"architecture":"unknown","os":"unknown"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
               "annotations":{"vnd.docker.reference.type":"attestation-manifest"},
               "platform":{"architecture":"s390x","os":"linux"}}
            ]}""".formatted(A, B, C, D, E, A, F);

    private static ImageIndex index() throws Exception {
        return Json.MAPPER.readValue(INDEX, ImageIndex.class);
    }

    private static String pick(String platform) throws Exception {
        Descriptor d = PlatformSelector.select(index(), Platform.parse(platform));
        return d.digest().toString();
    }

    @Test
    void picksByOsArchitectureAndVariant() throws Exception {
        assertEquals(A, pick("linux/amd64"));
        assertEquals(B, pick("linux/arm/v6"));
        assertEquals(C, pick("linux/arm/v7"));
        assertEquals(D, pick("linux/arm64"));
        assertEquals(D, pick("linux/arm64/v8"));
        assertEquals(D, pick("linux/aarch64"));
    }

    @Test
    void skipsAttestationsAndListsWhatIsAvailable() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> pick("linux/s390x"));
        assertEquals("no matching manifest for linux/s390x in the manifest list entries"
                + " (available: linux/amd64, linux/arm/v6, linux/arm/v7, linux/arm64/v8)", e.getMessage());
        assertThrows(NotFoundException.class, () -> pick("windows/amd64"));
        assertThrows(NotFoundException.class, () -> pick("linux/arm/v5"));
    }

    @Test
    void emptyIndexSaysSo() {
        ImageIndex empty = new ImageIndex(2, null, null, null);
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> PlatformSelector.select(empty, Platform.parse("linux/amd64")));
        assertEquals("no matching manifest for linux/amd64 in the manifest list entries", e.getMessage());
    }
}
