package dev.berth.runtime.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Maps tar entry names to paths inside one layer directory and refuses every name that would land outside
 * it: absolute names, {@code ..} climbing above the root, and any path whose parent components include a
 * symlink (writing "through" a symlink is how a tar escapes, e.g. {@code link -> /} then {@code link/etc/x}).
 * Names are normalized lexically; the only symlinks ever followed are none.
 */
final class LayerPaths {
    private final Path root;

    LayerPaths(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** {@code ./a//b/../c/} → {@code a/c}; the root itself is {@code ""}. */
    static String normalize(String entryName) {
        if (entryName.isEmpty()) {
            throw InvalidLayerException.entry(entryName, "empty name");
        }
        if (entryName.startsWith("/")) {
            throw InvalidLayerException.entry(entryName, "absolute path");
        }
        if (entryName.indexOf('\0') >= 0) {
            throw InvalidLayerException.entry(entryName, "NUL byte in name");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : entryName.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    throw InvalidLayerException.entry(entryName, "path escapes the layer");
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }

    /** Parent of a normalized name ({@code ""} for top-level names). */
    static String parentOf(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    /** Last segment of a normalized name. */
    static String baseName(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    /**
     * The path for {@code rel}, after making sure every parent component is a real directory of this layer
     * (missing ones are created, as tar does for entries that come before their directory).
     */
    Path forWrite(String entryName, String rel) throws IOException {
        String parent = parentOf(rel);
        Path dir = parent.isEmpty() ? root : directory(entryName, parent, true);
        return resolveChild(entryName, dir, baseName(rel));
    }

    /** An existing directory of this layer reached without symlinks, created (with parents) if {@code create}. */
    Path directory(String entryName, String rel, boolean create) throws IOException {
        Path current = root;
        if (rel.isEmpty()) {
            return current;
        }
        for (String segment : rel.split("/")) {
            current = resolveChild(entryName, current, segment);
            BasicFileAttributes attrs = attributes(current);
            if (attrs == null && create) {
                try {
                    Files.createDirectory(current);
                } catch (FileAlreadyExistsException raced) {
                    // Cannot happen within one unpack; re-check below like any existing entry.
                }
                attrs = attributes(current);
            }
            if (attrs == null) {
                throw InvalidLayerException.entry(entryName,
                        "\"" + root.relativize(current) + "\" does not exist in the layer");
            }
            if (attrs.isSymbolicLink()) {
                throw InvalidLayerException.entry(entryName,
                        "would write through the symlink \"" + root.relativize(current) + "\"");
            }
            if (!attrs.isDirectory()) {
                throw InvalidLayerException.entry(entryName, "\"" + root.relativize(current) + "\" is not a directory");
            }
        }
        return current;
    }

    /** An existing entry of this layer (a hard link's target), reached without symlinked parents. */
    Path existing(String entryName, String rel) throws IOException {
        if (rel.isEmpty()) {
            throw InvalidLayerException.entry(entryName, "link to the layer root");
        }
        String parent = parentOf(rel);
        Path dir = parent.isEmpty() ? root : directory(entryName, parent, false);
        Path path = resolveChild(entryName, dir, baseName(rel));
        if (attributes(path) == null) {
            throw InvalidLayerException.entry(entryName, "link target \"" + rel + "\" is not in the layer");
        }
        return path;
    }

    private static Path resolveChild(String entryName, Path dir, String segment) {
        try {
            Path child = dir.resolve(segment);
            // A segment is one name: the resolve must not have changed directories.
            if (!dir.equals(child.getParent())) {
                throw InvalidLayerException.entry(entryName, "bad path segment \"" + segment + "\"");
            }
            return child;
        } catch (InvalidPathException e) {
            throw InvalidLayerException.entry(entryName, "invalid path: " + e.getMessage());
        }
    }

    /** lstat, or null if nothing is there. */
    static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }
}
