package dev.berth.app.files;

import dev.berth.app.engine.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one directory level from the tar the archive API returns for a directory: the first entry is the directory
 * itself ({@code etc/}), its children are the entries one component below it. Deeper entries and file bodies are
 * skipped as the stream passes, so memory stays small whatever the directory holds.
 */
public final class ArchiveListing {
    private ArchiveListing() {}

    /** The direct children of the archived directory, directories first, then by name. */
    public static List<FileEntry> children(InputStream tarStream) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(tarStream)) {
            TarArchiveEntry e;
            String prefix = null;
            while ((e = tar.getNextEntry()) != null) {
                String name = trimSlashes(e.getName());
                if (prefix == null) {
                    // The directory itself; "." or "" when the archive is of "/".
                    prefix = name.equals(".") ? "" : name;
                    continue;
                }
                String rest = prefix.isEmpty() ? stripDot(name) : name.startsWith(prefix + "/")
                        ? name.substring(prefix.length() + 1) : null;
                if (rest == null || rest.isEmpty() || rest.contains("/")) {
                    continue;
                }
                out.add(toEntry(rest, e));
            }
        }
        out.sort(Comparator.comparing((FileEntry f) -> !f.isDirectory()).thenComparing(FileEntry::name));
        return out;
    }

    static FileEntry toEntry(String name, TarArchiveEntry e) {
        FileEntry.Type type = e.isDirectory() ? FileEntry.Type.DIRECTORY : e.isSymbolicLink() ? FileEntry.Type.SYMLINK
                : e.isFile() || e.isLink() ? FileEntry.Type.FILE : FileEntry.Type.OTHER;
        Instant modified = e.getModTime() == null ? Instant.EPOCH : e.getModTime().toInstant();
        return new FileEntry(name, type, e.isDirectory() ? 0 : e.getSize(), e.getMode() & 0777, modified,
                e.isSymbolicLink() || e.isLink() ? e.getLinkName() : "");
    }

    private static String trimSlashes(String s) {
        String t = s;
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        return t;
    }

    private static String stripDot(String s) {
        return s.startsWith("./") ? s.substring(2) : s;
    }
}
