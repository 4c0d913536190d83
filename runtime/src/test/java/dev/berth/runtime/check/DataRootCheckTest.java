package dev.berth.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootCheckTest {
    @TempDir
    Path root;

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private String blob(String text) throws Exception {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        String hex = sha256(data);
        Files.createDirectories(root.resolve("blobs/sha256"));
        Files.write(root.resolve("blobs/sha256").resolve(hex), data);
        return hex;
    }

    private String layer(String seed, String parentHex) throws Exception {
        String hex = sha256(seed.getBytes(StandardCharsets.UTF_8));
        Path dir = Files.createDirectories(root.resolve("layers").resolve(hex).resolve("diff")).getParent();
        Files.writeString(dir.resolve("layer.json"),
                "{\"chainId\":\"sha256:" + hex + "\",\"diffId\":\"sha256:" + hex + "\""
                        + (parentHex == null ? "" : ",\"parent\":\"sha256:" + parentHex + "\"") + ",\"size\":0}");
        return hex;
    }

    private void image(String configHex, String... layerHexes) throws Exception {
        StringBuilder layers = new StringBuilder();
        for (String l : layerHexes) {
            layers.append(layers.isEmpty() ? "" : ",").append("{\"chainId\":\"sha256:").append(l)
                    .append("\",\"diffId\":\"sha256:")
                    .append(l).append("\"}");
        }
        Files.createDirectories(root.resolve("images"));
        Files.writeString(root.resolve("images").resolve(configHex + ".json"),
                "{\"version\":1,\"id\":\"sha256:" + configHex + "\",\"layers\":[" + layers + "]}");
    }

    private String check(boolean repair, int expectedStatus) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(expectedStatus,
                new DataRootCheck(root).run(repair, new PrintStream(out, true, StandardCharsets.UTF_8)),
                out::toString);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWholeDataRootIsClean() throws Exception {
        String base = layer("base", null);
        String top = layer("top", base);
        image(blob("{\"config\":{}}"), base, top);
        Path c = Files.createDirectories(root.resolve("containers/c1"));
        Files.writeString(c.resolve("container.json"), "{\"id\":\"c1\",\"name\":\"web\",\"imageId\":\"sha256:"
                + Files.list(root.resolve("images")).findFirst().orElseThrow().getFileName().toString().replace(".json",
                        "")
                + "\"}");
        Files.createDirectories(root.resolve("volumes/data/_data"));
        Files.writeString(root.resolve("volumes/data/volume.json"), "{\"name\":\"data\"}");
        assertTrue(new DataRootCheck(root).findings().isEmpty(), () -> {
            try {
                return new DataRootCheck(root).findings().toString();
            } catch (Exception e) {
                return e.toString();
            }
        });
        assertTrue(check(false, 0).contains(": clean"));
    }

    @Test
    void halfMadeThingsAreFoundAndTheRepairLeavesItClean() throws Exception {
        String base = layer("base", null);
        String orphanParent = sha256("never unpacked".getBytes(StandardCharsets.UTF_8));
        String onGone = layer("on a gone parent", orphanParent);
        String config = blob("{\"config\":{}}");
        image(config, base, onGone);
        String damaged = blob("good bytes");
        Files.writeString(root.resolve("blobs/sha256").resolve(damaged), "bad bytes");
        Files.createDirectories(root.resolve("ingest"));
        Files.writeString(root.resolve("ingest/blob-1.partial"), "half a layer");
        Files.createDirectories(root.resolve("layers/.tmp-123/diff"));
        Files.createDirectories(
                root.resolve("layers").resolve(sha256("half".getBytes(StandardCharsets.UTF_8))).resolve("diff"));
        Files.createDirectories(root.resolve("volumes/.trash-abc/_data"));
        Path c = Files.createDirectories(root.resolve("containers/c2"));
        Files.writeString(c.resolve("container.json"),
                "{\"id\":\"c2\",\"name\":\"orphan\",\"imageId\":\"sha256:" + "e".repeat(64) + "\"}");

        List<Finding> found = new DataRootCheck(root).findings();
        String text = found.toString();
        for (String want : List.of("a download that was interrupted", "an unpack that was interrupted", "is half-made",
                "is built on sha256:" + orphanParent, "blob sha256:" + damaged + " is damaged",
                "a volume create or removal", "container orphan")) {
            assertTrue(text.contains(want), want + " in " + text);
        }
        String report = check(true, 1);
        assertTrue(report.contains("repaired"), report);
        List<Finding> left = new DataRootCheck(root).findings();
        assertEquals(1, left.size(), left::toString);
        assertFalse(left.getFirst().repairable(), "only the container whose image is gone is left, for a person");
        assertFalse(Files.exists(root.resolve("images").resolve(config + ".json")),
                "the image without its layers went");
        assertTrue(Files.exists(root.resolve("layers").resolve(base).resolve("layer.json")), "a whole layer stays");
    }
}
