package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.fuzz.Fuzzing;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.image.oci.ImageIndex;
import dev.berth.runtime.image.oci.ImageManifest;
import dev.berth.runtime.image.oci.Platform;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Manifests and indexes as a broken or hostile registry sends them: fields missing, null, of the wrong type, digests
 * that are not digests, negative sizes, odd platforms. Either the manifest is whole (a config and layers named by
 * digest) or the pull stops with an error naming the reference — never a NullPointerException deep inside a pull.
 */
class ManifestFuzzTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @Provide
    Arbitrary<String> digests() {
        return Arbitraries.of(DIGEST, "sha256:" + "b".repeat(63), "md5:abc", "", "sha256:" + "C".repeat(64),
                "sha512:" + "d".repeat(128));
    }

    /** A descriptor with each field present, absent, null or of a wrong type. */
    @Provide
    Arbitrary<ObjectNode> descriptors() {
        return Combinators
                .combine(Arbitraries.integers().between(0, 3), digests(), Arbitraries.longs().between(-5, 1 << 20),
                        Arbitraries.integers().between(0, 4), Arbitraries.of("linux", "windows", "", "unknown"),
                        Arbitraries.of("amd64", "arm64", "", "386"))
                .as((shape, digest, size, platform, os, arch) -> {
                    ObjectNode d = F.objectNode().put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip");
                    switch (shape) {
                        case 0 -> d.put("digest", digest).put("size", size);
                        case 1 -> d.putNull("digest").put("size", size);
                        case 2 -> d.put("size", size);
                        default -> d.put("digest", digest);
                    }
                    if (platform == 1) {
                        d.putObject("platform").put("os", os).put("architecture", arch);
                    } else if (platform == 2) {
                        d.putNull("platform");
                    } else if (platform == 3) {
                        d.putObject("platform").put("os", os);
                    }
                    return d;
                });
    }

    @Provide
    Arbitrary<String> manifests() {
        return Combinators
                .combine(Arbitraries.integers().between(0, 3), descriptors(), descriptors().list().ofMaxSize(4),
                        Arbitraries.integers().between(0, 3))
                .as((configShape, config, layers, layersShape) -> {
                    ObjectNode m = F.objectNode().put("schemaVersion", 2).put("mediaType",
                            "application/vnd.oci.image.manifest.v1+json");
                    switch (configShape) {
                        case 0 -> m.set("config", config);
                        case 1 -> m.putNull("config");
                        case 2 -> m.put("config", "not an object");
                        default -> {
                        }
                    }
                    switch (layersShape) {
                        case 0 -> {
                            ArrayNode a = m.putArray("layers");
                            layers.forEach(a::add);
                        }
                        case 1 -> m.putNull("layers");
                        case 2 -> m.putArray("layers").addNull();
                        default -> {
                        }
                    }
                    return m.toString();
                });
    }

    @Provide
    Arbitrary<String> indexes() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), descriptors().list().ofMaxSize(4))
                .as((shape, entries) -> {
                    ObjectNode i = F.objectNode().put("schemaVersion", 2);
                    if (shape == 0) {
                        ArrayNode a = i.putArray("manifests");
                        entries.forEach(a::add);
                    } else if (shape == 1) {
                        i.putNull("manifests");
                    }
                    return i.toString();
                });
    }

    @Property(seed = Fuzzing.SEED)
    void aManifestIsWholeOrRefusedByName(@ForAll("manifests") String json) {
        ImageManifest m;
        try {
            m = ManifestChecks.checked(Json.MAPPER.readValue(json, ImageManifest.class), "fuzz:1");
        } catch (IOException | EngineException refused) {
            return; // the pull says what is wrong with the manifest of fuzz:1
        }
        assertNotNull(m.config().digest());
        m.layers().forEach(l -> assertNotNull(l.digest()));
    }

    @Property(seed = Fuzzing.SEED)
    void anIndexYieldsAManifestForThisHostOrAnErrorInWords(@ForAll("indexes") String json) {
        ImageIndex index;
        try {
            index = ManifestChecks.checked(Json.MAPPER.readValue(json, ImageIndex.class), "fuzz:1");
        } catch (IOException | EngineException refused) {
            return;
        }
        for (Platform wanted : List.of(new Platform("amd64", "linux", null, null, null),
                new Platform("arm64", "linux", null, null, "v8"))) {
            try {
                Descriptor chosen = PlatformSelector.select(index, wanted);
                assertNotNull(chosen.digest());
            } catch (EngineException noneFits) {
                // "no matching manifest for linux/arm64 in the manifest list entries"
            }
        }
    }
}
