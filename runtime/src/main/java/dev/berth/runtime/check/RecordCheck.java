package dev.berth.runtime.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The records and what they stand on: every image has its config blob and its layers, every container its
 * directory, its image and its log, every volume its record and its data directory. An image that lacks a piece is
 * dropped by the repair (a pull fetches it again); a container or volume that lacks one is reported.
 */
final class RecordCheck {
    private final Path root;
    private final List<Finding> findings = new ArrayList<>();

    RecordCheck(Path root) {
        this.root = root;
    }

    List<Finding> run() throws IOException {
        images();
        containers();
        volumes();
        return findings;
    }

    private void images() throws IOException {
        for (Path record : StorageCheck.children(root.resolve("images"))) {
            String name = record.getFileName().toString();
            if (!name.endsWith(".json") || name.equals("repositories.json") || name.startsWith(".")) {
                continue;
            }
            String id = "sha256:" + name.substring(0, name.length() - ".json".length());
            JsonNode image = JsonFiles.read(record);
            if (image == null) {
                findings.add(new Finding("images", "image " + id + " has an unreadable record",
                        () -> Files.deleteIfExists(record)));
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!Files.isRegularFile(blob(image.path("id").asText(id)))) {
                missing.add("its config " + image.path("id").asText(id));
            }
            for (JsonNode layer : image.path("layers")) {
                String chainId = layer.path("chainId").asText("");
                if (!Files.isRegularFile(root.resolve("layers").resolve(hex(chainId)).resolve("layer.json"))) {
                    missing.add("layer " + chainId);
                }
            }
            if (!missing.isEmpty()) {
                findings.add(new Finding("images", "image " + id + " lacks " + String.join(", ", missing)
                        + " (the repair drops it; pull it again)", () -> Files.deleteIfExists(record)));
            }
        }
    }

    private void containers() throws IOException {
        for (Path dir : StorageCheck.children(root.resolve("containers"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Path record = dir.resolve("container.json");
            String id = dir.getFileName().toString();
            if (!Files.isRegularFile(record)) {
                continue; // a directory without a record is a create that never finished: berthd ignores it
            }
            JsonNode c = JsonFiles.read(record);
            if (c == null) {
                findings.add(new Finding("containers", "container " + id + " has an unreadable record", null));
                continue;
            }
            String name = c.path("name").asText(id);
            String image = c.path("imageId").asText("");
            if (!image.isEmpty() && !Files.isRegularFile(root.resolve("images").resolve(hex(image) + ".json"))) {
                findings.add(new Finding("containers",
                        "container " + name + " (" + id.substring(0, Math.min(12, id.length()))
                                + ") runs image " + image
                                + ", which is gone: it cannot start again; remove it with docker rm",
                        null));
            }
        }
    }

    private void volumes() throws IOException {
        for (Path dir : StorageCheck.children(root.resolve("volumes"))) {
            String name = dir.getFileName().toString();
            if (name.startsWith(".") || !Files.isDirectory(dir)) {
                continue;
            }
            if (!Files.isRegularFile(dir.resolve("volume.json"))) {
                findings.add(new Finding("volumes", "volume " + name + " has no volume.json", null));
            } else if (JsonFiles.read(dir.resolve("volume.json")) == null) {
                findings.add(new Finding("volumes", "volume " + name + " has an unreadable volume.json", null));
            }
            if (!Files.isDirectory(dir.resolve("_data"))) {
                findings.add(new Finding("volumes", "volume " + name + " has no _data directory",
                        () -> Files.createDirectories(dir.resolve("_data"))));
            }
        }
    }

    private Path blob(String digest) {
        return root.resolve("blobs").resolve("sha256").resolve(hex(digest));
    }

    private static String hex(String digest) {
        return digest.substring(digest.indexOf(':') + 1);
    }
}
