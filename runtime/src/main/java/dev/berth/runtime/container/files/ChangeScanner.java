package dev.berth.runtime.container.files;

import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.linux.FileSyscalls.Stat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code docker diff} from a container's overlay upper dir: a whiteout (char device 0/0) is a deletion; any other
 * entry is a change if the image's layers have the path, else an addition. An opaque directory hides everything
 * the lower layers had under it, so those paths are reported deleted unless the upper dir has them again.
 */
public final class ChangeScanner {
    private static final String OPAQUE_XATTR = "trusted.overlay.opaque";

    private final FileSyscalls sys;

    public ChangeScanner(FileSyscalls sys) {
        this.sys = sys;
    }

    /** The changes in {@code upper} against {@code lowers} (top layer first), sorted by path. */
    public List<Change> scan(Path upper, List<Path> lowers) throws IOException {
        List<Change> out = new ArrayList<>();
        if (Files.isDirectory(upper)) {
            walk(upper, "", lowers, out);
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private void walk(Path dir, String prefix, List<Path> lowers, List<Change> out) throws IOException {
        for (Path child : children(dir)) {
            String rel = prefix + "/" + child.getFileName();
            Stat st = sys.lstat(child);
            if (st.isWhiteout()) {
                out.add(new Change(rel, Change.DELETED));
                continue;
            }
            out.add(new Change(rel, inLowers(rel, lowers) ? Change.MODIFIED : Change.ADDED));
            if (st.isDirectory()) {
                if (isOpaque(child)) {
                    hiddenByOpaque(child, rel, lowers, out);
                }
                walk(child, rel, lowers, out);
            }
        }
    }

    /** Lower entries under an opaque dir that the upper dir does not bring back: deleted. */
    private void hiddenByOpaque(Path upperDir, String rel, List<Path> lowers, List<Change> out) throws IOException {
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Path lower : lowers) {
            Path lowerDir = lower.resolve(rel.substring(1));
            if (!Files.isDirectory(lowerDir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            for (Path c : children(lowerDir)) {
                String name = c.getFileName().toString();
                if (!sys.lstat(c).isWhiteout()
                        && !Files.exists(upperDir.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && reported.add(name)) {
                    out.add(new Change(rel + "/" + name, Change.DELETED));
                }
            }
            if (isOpaque(lowerDir)) {
                break; // layers below this one were hidden already
            }
        }
    }

    /** True if the image shows {@code rel}: the topmost layer that mentions it has it (not a whiteout). */
    boolean inLowers(String rel, List<Path> lowers) throws IOException {
        String[] parts = rel.substring(1).split("/");
        for (Path lower : lowers) {
            Optional<Stat> st = lstat(lower.resolve(rel.substring(1)));
            if (st.isPresent()) {
                return !st.get().isWhiteout();
            }
            if (hiddenAbove(lower, parts)) {
                return false;
            }
        }
        return false;
    }

    /** True if this layer deletes or makes opaque an ancestor of the path, hiding the layers below. */
    private boolean hiddenAbove(Path lower, String[] parts) throws IOException {
        Path p = lower;
        for (String part : Arrays.copyOf(parts, parts.length - 1)) {
            p = p.resolve(part);
            Optional<Stat> st = lstat(p);
            if (st.isEmpty()) {
                return false;
            }
            if (st.get().isWhiteout() || (st.get().isDirectory() && isOpaque(p))) {
                return true;
            }
        }
        return false;
    }

    private boolean isOpaque(Path dir) throws IOException {
        return sys.lgetxattr(dir, OPAQUE_XATTR).map(v -> new String(v, StandardCharsets.US_ASCII).equals("y"))
                .orElse(false);
    }

    private Optional<Stat> lstat(Path p) throws IOException {
        try {
            return Optional.of(sys.lstat(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.file.FileSystemException e) {
            return Optional.empty(); // ENOTDIR: a file where the path expects a directory
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
