package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Test images pushed to each registry variant read back byte for byte, and a real client can pull them. */
class ImagePushIT {

    @ParameterizedTest
    @ValueSource(strings = {"open", "basic", "token"})
    void busyboxReadsBackByteForByte(String variant) {
        try (RegistryServer registry = switch (variant) {
            case "basic" -> RegistryServer.basic("alice", "pw-a");
            case "token" -> RegistryServer.token("bob", "pw-b");
            default -> RegistryServer.open();
        }) {
            TestImage image = TestImages.busybox();
            assertEquals(image.manifestDigest(), image.push(registry, "library/busybox", "latest"));
            RegistryClient client = registry.client();
            RegistryClient.Response manifest = client.manifest("library/busybox", "latest");
            assertEquals(200, manifest.status(), manifest.text());
            assertEquals(MediaTypes.OCI_MANIFEST, manifest.header("Content-Type"));
            assertArrayEquals(image.manifestBytes(), manifest.body());
            assertArrayEquals(image.configBytes(), client.blob("library/busybox", image.configDigest()).body());
            for (Layer layer : image.layers()) {
                assertArrayEquals(layer.bytes(), client.blob("library/busybox", layer.digest()).body(),
                        layer.toString());
            }
        }
    }

    @Test
    void dockerFormatAndSharedLayersPush() {
        try (RegistryServer registry = RegistryServer.open()) {
            TestImage v1 = TestImages.busyboxBuilder().mediaTypes(ManifestFormat.DOCKER).build();
            v1.push(registry, "app", "1");
            TestImages.busyboxV2().push(registry, "app", "2");
            RegistryClient.Response manifest = registry.client().manifest("app", "1");
            assertEquals(MediaTypes.DOCKER_MANIFEST, manifest.header("Content-Type"));
            assertEquals(4, registry.client().manifest("app", "2").json().get("layers").size());
        }
    }

    @Test
    void indexListsTwoPlatforms() {
        try (RegistryServer registry = RegistryServer.token("dave", "pw-d")) {
            TestImage amd64 = TestImages.busybox();
            TestImage arm64 = TestImages.busyboxBuilder().platform("linux", "arm64", "v8").build();
            String digest = TestImage.pushIndex(registry, "multi", "latest", amd64, arm64);

            RegistryClient.Response response = registry.client().manifest("multi", "latest");
            assertEquals(MediaTypes.OCI_INDEX, response.header("Content-Type"));
            assertEquals(digest, response.header("Docker-Content-Digest"));
            JsonNode manifests = response.json().get("manifests");
            assertEquals(2, manifests.size());
            assertEquals(List.of("amd64", "arm64"),
                    List.of(manifests.get(0).get("platform").get("architecture").asText(),
                            manifests.get(1).get("platform").get("architecture").asText()));
            assertEquals(arm64.manifestDigest(), manifests.get(1).get("digest").asText());
            assertEquals(200, registry.client().manifest("multi", arm64.manifestDigest()).status());
        }
    }

    /** skopeo (containers/image) is an independent client: if it can pull, the token service is right. */
    @Test
    void skopeoPullsFromTheTokenRegistry(@TempDir Path dir) throws Exception {
        try (RegistryServer registry = RegistryServer.token("erin", "pw-e")) {
            TestImage image = TestImages.busybox();
            image.push(registry, "busybox", "latest");
            Path out = dir.resolve("image");
            String source = "docker://" + registry.host() + "/busybox:latest";
            assertEquals(java.util.Optional.empty(),
                    skopeo("copy", "--src-tls-verify=false", "--src-creds", "erin:pw-e", source, "dir:" + out));
            try (Stream<Path> files = Files.list(out)) {
                assertTrue(files.count() >= image.layers().size() + 2);
            }
            assertArrayEquals(image.configBytes(), Files.readAllBytes(out.resolve(image.configDigest().substring(7))));

            assertTrue(skopeo("inspect", "--tls-verify=false", "--creds", "erin:wrong", source).isPresent());
            assertTrue(skopeo("inspect", "--tls-verify=false", "--no-creds", source).isPresent());
        }
    }

    /** Runs skopeo; returns its output if it failed, empty if it succeeded. */
    private static java.util.Optional<String> skopeo(String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of("skopeo", "--insecure-policy"), Stream.of(args)).toList();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        return process.exitValue() == 0 ? java.util.Optional.empty() : java.util.Optional.of(output);
    }
}
