package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configs and manifests reference exactly the layers and settings they were built from. */
class TestImageTest {

    @Test
    void busyboxConfigCarriesTheRunConfiguration() throws IOException {
        TestImage image = TestImages.busybox();
        JsonNode config = TestImage.JSON.readTree(image.configBytes());
        assertEquals("amd64", config.get("architecture").asText());
        assertEquals("linux", config.get("os").asText());
        JsonNode run = config.get("config");
        assertTrue(run.get("Entrypoint").isNull());
        assertEquals("sh", run.get("Cmd").get(0).asText());
        assertEquals("/opt/app", run.get("WorkingDir").asText());
        assertTrue(run.get("ExposedPorts").has("80/tcp"));
        assertTrue(run.get("Volumes").has("/data"));
        assertEquals("true", run.get("Labels").get("dev.berth.test").asText());
        assertEquals("GREETING=hello", run.get("Env").get(1).asText());
        assertEquals(image.diffIds(), texts(config.get("rootfs").get("diff_ids")));
        JsonNode history = config.get("history");
        assertEquals(5, history.size());
        assertEquals(3, history.findValues("created_by").size() - history.findValues("empty_layer").size());
    }

    @Test
    void manifestReferencesConfigAndLayersWithSizes() throws IOException {
        TestImage image = TestImages.busybox();
        JsonNode manifest = TestImage.JSON.readTree(image.manifestBytes());
        assertEquals(MediaTypes.OCI_MANIFEST, manifest.get("mediaType").asText());
        assertEquals(image.configDigest(), manifest.get("config").get("digest").asText());
        assertEquals(image.configBytes().length, manifest.get("config").get("size").asLong());
        assertEquals(image.layers().stream().map(Layer::digest).toList(),
                texts(manifest.findValues("layers").getFirst().findValues("digest")));
        assertEquals(image.layers().get(0).size(), manifest.get("layers").get(0).get("size").asLong());
    }

    @Test
    void dockerFormatUsesDockerMediaTypes() throws IOException {
        TestImage image = TestImages.busyboxBuilder().mediaTypes(ManifestFormat.DOCKER).build();
        JsonNode manifest = TestImage.JSON.readTree(image.manifestBytes());
        assertEquals(MediaTypes.DOCKER_MANIFEST, manifest.get("mediaType").asText());
        assertEquals(MediaTypes.DOCKER_CONFIG, manifest.get("config").get("mediaType").asText());
        assertEquals(MediaTypes.DOCKER_LAYER_GZIP, manifest.get("layers").get(0).get("mediaType").asText());
    }

    @Test
    void v2SharesTheBottomLayersAndAddsOne() {
        List<Layer> v1 = TestImages.busybox().layers();
        List<Layer> v2 = TestImages.busyboxV2().layers();
        assertEquals(v1.size() + 1, v2.size());
        assertEquals(v1, v2.subList(0, v1.size()));
    }

    @Test
    void largeImageHasTheRequestedSizeAndDoesNotCompress() {
        TestImage image = TestImages.large(4_000_001, 3);
        assertEquals(3, image.layers().size());
        long total = image.layers().stream().mapToLong(Layer::size).sum();
        assertTrue(total > 4_000_001 && total < 4_100_000, "random data stays its size: " + total);
        assertEquals(image.manifestDigest(), TestImages.large(4_000_001, 3).manifestDigest(), "reproducible");
    }

    @Test
    void platformGoesIntoTheConfig() throws IOException {
        TestImage arm = TestImages.busyboxBuilder().platform("linux", "arm64", "v8").build();
        JsonNode config = TestImage.JSON.readTree(arm.configBytes());
        assertEquals("arm64", config.get("architecture").asText());
        assertEquals("v8", config.get("variant").asText());
        assertEquals("v8", arm.variant());
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
