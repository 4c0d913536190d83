package dev.berth.runtime.image.store;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.digest.Digest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The image store's files under {@code <dataRoot>/images/}: one JSON record per image, the index, and the
 * repair done when loading them after a crash or damage.
 */
final class ImageFiles {
    private static final System.Logger LOG = System.getLogger(ImageStore.class.getName());
    private static final String INDEX = "repositories.json";

    /** What loading found: the usable catalog and a sentence per thing that had to be dropped or repaired. */
    record Loaded(Catalog catalog, List<String> problems) {}

    private final Path dir;

    ImageFiles(Path dataRoot) {
        this.dir = dataRoot.resolve("images");
    }

    void writeRecord(ImageRecord r) throws IOException {
        AtomicFiles.writeJson(recordPath(r.id()), StoredImage.of(r));
    }

    void writeIndex(Catalog c) throws IOException {
        AtomicFiles.writeJson(dir.resolve(INDEX), IndexFile.of(c));
    }

    void deleteRecord(Digest id) throws IOException {
        Files.deleteIfExists(recordPath(id));
    }

    /**
     * Reads everything back. Records the index does not list are leftovers of an interrupted change and are
     * deleted; unreadable files are moved to {@code images/corrupt/}; index entries without a readable record
     * are dropped. If anything was repaired, the cleaned index is written so the next start is quiet.
     */
    Loaded load() throws IOException {
        Files.createDirectories(dir);
        List<String> problems = new ArrayList<>();
        Map<Digest, Path> recordFiles = scan();
        IndexFile index = readIndex(problems);

        Set<Digest> members = new LinkedHashSet<>();
        if (index != null) {
            members.addAll(index.images());
        } else if (!recordFiles.isEmpty()) {
            // Without a usable index, keeping every record (untagged) beats losing images.
            members.addAll(recordFiles.keySet());
            problems.add(
                    "no usable " + INDEX + ": kept " + recordFiles.size() + " image record(s) without their names");
        }

        List<ImageRecord> records = new ArrayList<>();
        for (Digest id : members) {
            ImageRecord r = readRecord(id, recordFiles.get(id), problems);
            if (r != null) {
                records.add(r);
            }
        }
        for (Map.Entry<Digest, Path> orphan : recordFiles.entrySet()) {
            if (!members.contains(orphan.getKey())) {
                LOG.log(System.Logger.Level.INFO, "deleting record of " + orphan.getKey()
                        + ", which the index does not list (left by an interrupted change)");
                Files.deleteIfExists(orphan.getValue());
            }
        }

        Set<Digest> loaded = new LinkedHashSet<>();
        records.forEach(r -> loaded.add(r.id()));
        Map<String, Digest> references = new TreeMap<>();
        if (index != null && index.references() != null) {
            for (Map.Entry<String, Digest> e : index.references().entrySet()) {
                if (e.getValue() == null || !loaded.contains(e.getValue())) {
                    problems.add("dropped reference " + e.getKey() + ": image " + e.getValue() + " is missing");
                } else if (!isValidReference(e.getKey())) {
                    problems.add("dropped malformed reference \"" + e.getKey() + "\"");
                } else {
                    references.put(e.getKey(), e.getValue());
                }
            }
        }

        Catalog catalog = Catalog.of(records, references);
        problems.forEach(p -> LOG.log(System.Logger.Level.WARNING, "image store: " + p));
        if (!problems.isEmpty()) {
            writeIndex(catalog);
        }
        return new Loaded(catalog, List.copyOf(problems));
    }

    private Path recordPath(Digest id) {
        // sha256 and sha512 hex differ in length, so the hex alone names the file unambiguously.
        return dir.resolve(id.hex() + ".json");
    }

    /** Record files by the ID their name claims; deletes temp files an interrupted atomic write left. */
    private Map<Digest, Path> scan() throws IOException {
        Map<Digest, Path> records = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                } else if (name.endsWith(".json") && !name.equals(INDEX) && Files.isRegularFile(p)) {
                    String hex = name.substring(0, name.length() - ".json".length());
                    String text = (hex.length() == 128 ? "sha512:" : "sha256:") + hex;
                    if (Digest.isDigest(text)) {
                        records.put(Digest.parse(text), p);
                    }
                }
            }
        }
        return records;
    }

    private IndexFile readIndex(List<String> problems) throws IOException {
        Path p = dir.resolve(INDEX);
        if (!Files.exists(p)) {
            return null;
        }
        try {
            IndexFile index = Json.MAPPER.readValue(p.toFile(), IndexFile.class);
            if (index == null || index.images() == null) {
                throw new IOException("no images list");
            }
            return index;
        } catch (IOException | RuntimeException e) {
            problems.add("index " + p + " is unreadable (" + firstLine(e) + "); moved to corrupt/");
            moveAside(p);
            return null;
        }
    }

    private ImageRecord readRecord(Digest id, Path p, List<String> problems) throws IOException {
        if (p == null) {
            problems.add("dropped image " + id + ": its record file is missing");
            return null;
        }
        try {
            ImageRecord r = Json.MAPPER.readValue(p.toFile(), StoredImage.class).toRecord();
            if (!r.id().equals(id)) {
                throw new IOException("it holds image " + r.id());
            }
            return r;
        } catch (IOException | RuntimeException e) {
            problems.add("dropped image " + id + ": record " + p.getFileName() + " is unreadable ("
                    + firstLine(e) + "); moved to corrupt/");
            moveAside(p);
            return null;
        }
    }

    /** Keeps a damaged file for inspection, out of the way of the next load. */
    private void moveAside(Path p) throws IOException {
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.move(p, corrupt.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static boolean isValidReference(String ref) {
        try {
            if (References.isDigestRef(ref)) {
                References.requireDigestRef(ref);
            } else {
                References.requireTag(ref);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
