package dev.berth.runtime.check;

import dev.berth.runtime.common.TreeDeleter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content-addressed part of the data root: blobs whose bytes no longer hash to their name, unpacked layers
 * without their metadata or diff, or whose parent is gone, and the temporary files and directories an interrupted
 * pull, unpack or removal leaves.
 */
final class StorageCheck {
    private final Path root;
    private final List<Finding> findings = new ArrayList<>();

    StorageCheck(Path root) {
        this.root = root;
    }

    List<Finding> run() throws IOException {
        leftovers(root.resolve("ingest"), "blobs", name -> true, "a download that was interrupted");
        leftovers(root.resolve("layers"), "layers", name -> name.startsWith(".tmp-"), "an unpack that was interrupted");
        leftovers(root.resolve("layers"), "layers", name -> name.startsWith(".rm-"), "a removal that was interrupted");
        leftovers(root.resolve("images"), "images", name -> name.startsWith(".") && name.endsWith(".tmp"),
                "a write that was interrupted");
        leftovers(root.resolve("volumes"), "volumes", name -> name.startsWith(".tmp-") || name.startsWith(".trash-"),
                "a volume create or removal that was interrupted");
        blobs();
        layers();
        return findings;
    }

    private void leftovers(Path dir, String area, java.util.function.Predicate<String> matches, String cause)
            throws IOException {
        for (Path p : children(dir)) {
            if (matches.test(p.getFileName().toString())) {
                findings.add(new Finding(area, p + " is left over from " + cause, () -> TreeDeleter.delete(p)));
            }
        }
    }

    private void blobs() throws IOException {
        for (Path blob : children(root.resolve("blobs").resolve("sha256"))) {
            String name = blob.getFileName().toString();
            if (!name.matches("[0-9a-f]{64}")) {
                findings.add(
                        new Finding("blobs", blob + " is not named by a digest", () -> Files.deleteIfExists(blob)));
            } else if (!sha256(blob).equals(name)) {
                findings.add(
                        new Finding("blobs", "blob sha256:" + name + " is damaged: its bytes hash to something else",
                                () -> Files.deleteIfExists(blob)));
            }
        }
    }

    private void layers() throws IOException {
        Path layers = root.resolve("layers");
        for (Path dir : children(layers)) {
            String name = dir.getFileName().toString();
            if (!name.matches("[0-9a-f]{64}")) {
                continue; // hidden leftovers (above) and the "l" directory of short overlay names
            }
            Path metadata = dir.resolve("layer.json");
            if (!Files.isRegularFile(metadata) || !Files.isDirectory(dir.resolve("diff"))) {
                findings.add(new Finding("layers", "layer sha256:" + name + " is half-made (no layer.json or diff)",
                        () -> TreeDeleter.delete(dir)));
                continue;
            }
            var meta = JsonFiles.read(metadata);
            String parent = meta == null ? null : meta.path("parent").asText(null);
            if (meta == null) {
                findings.add(new Finding("layers", "layer sha256:" + name + " has an unreadable layer.json",
                        () -> TreeDeleter.delete(dir)));
            } else if (parent != null && !Files
                    .isRegularFile(layers.resolve(parent.substring(parent.indexOf(':') + 1)).resolve("layer.json"))) {
                findings.add(
                        new Finding("layers", "layer sha256:" + name + " is built on " + parent + ", which is gone",
                                () -> TreeDeleter.delete(dir)));
            }
        }
    }

    static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = dev.berth.runtime.digest.Digest.newSha256();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
