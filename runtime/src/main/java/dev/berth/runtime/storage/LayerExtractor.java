package dev.berth.runtime.storage;

import dev.berth.runtime.common.TreeDeleter;

import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Writes one layer tar into an empty directory, in overlayfs form: {@code .wh.X} becomes a 0/0 character
 * device {@code X} and {@code .wh..wh..opq} the {@code trusted.overlay.opaque=y} xattr on its directory
 * (containerd {@code archive/tar_opts_linux.go}). Entries keep modes (setuid, sticky), numeric owners, times
 * (also of symlinks), xattrs, device nodes and FIFOs. Every entry is checked by {@link LayerPaths} first.
 */
final class LayerExtractor {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    static final String OPAQUE_XATTR = "trusted.overlay.opaque";
    private static final String LIBARCHIVE_XATTR_PREFIX = "LIBARCHIVE.xattr.";

    private final LayerPaths paths;
    private final FileSyscalls sys;
    /** Directories and their last header: their times are set after their contents, which would change them. */
    private final Map<Path, TarArchiveEntry> directoryTimes = new LinkedHashMap<>();

    LayerExtractor(Path root, FileSyscalls sys) {
        this.paths = new LayerPaths(root);
        this.sys = sys;
    }

    /** Extracts every entry of {@code tarStream}; stops at the end-of-archive marker without draining. */
    void extract(InputStream tarStream) throws IOException {
        PaxXattrTap tap = new PaxXattrTap(tarStream);
        TarArchiveInputStream tar = new TarArchiveInputStream(tap, StandardCharsets.UTF_8.name());
        while (true) {
            TarArchiveEntry entry;
            try {
                entry = tar.getNextEntry();
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidLayerException("malformed layer tar: " + e.getMessage(), e);
            }
            if (entry == null) {
                break;
            }
            apply(entry, tar, xattrsOf(entry, tap.lastEntryXattrs()));
        }
        List<Path> dirs = new ArrayList<>(directoryTimes.keySet());
        // Deepest first, so setting a child's time never touches a parent whose time is already set.
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : dirs) {
            setTimes(dir, directoryTimes.get(dir));
        }
    }

    private void apply(TarArchiveEntry entry, InputStream content, Map<String, byte[]> xattrs) throws IOException {
        String name = entry.getName();
        String rel = LayerPaths.normalize(name);
        if (rel.isEmpty()) {
            if (!entry.isDirectory()) {
                throw InvalidLayerException.entry(name, "the layer root must be a directory");
            }
            applyMetadata(paths.root(), entry, xattrs, true);
            directoryTimes.put(paths.root(), entry);
            return;
        }
        String base = LayerPaths.baseName(rel);
        if (base.startsWith(WHITEOUT_PREFIX)) {
            whiteout(entry, rel, base);
            return;
        }
        Path target = paths.forWrite(name, rel);
        boolean replacedWhiteout = clearFor(entry, target);
        if (entry.isDirectory()) {
            if (LayerPaths.attributes(target) == null) {
                Files.createDirectory(target);
            }
            if (replacedWhiteout) {
                // A directory replacing a whiteout of this same layer must hide the lower directory's children.
                sys.lsetxattr(target, OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
            }
            applyMetadata(target, entry, xattrs, true);
            directoryTimes.put(target, entry);
            return;
        }
        if (entry.isLink()) {
            String linkRel = LayerPaths.normalize(entry.getLinkName());
            Path source = paths.existing(name, linkRel);
            if (LayerPaths.attributes(source).isDirectory()) {
                throw InvalidLayerException.entry(name, "hard link to a directory");
            }
            // A hard link shares the target's inode: applying this header's metadata would change the target.
            Files.createLink(target, source);
            return;
        }
        if (entry.isSymbolicLink()) {
            if (entry.getLinkName().isEmpty()) {
                throw InvalidLayerException.entry(name, "symlink without a target");
            }
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            int type = entry.isCharacterDevice() ? FileSyscalls.S_IFCHR
                    : entry.isBlockDevice() ? FileSyscalls.S_IFBLK : FileSyscalls.S_IFIFO;
            long dev = entry.isFIFO() ? 0 : FileSyscalls.makedev(entry.getDevMajor(), entry.getDevMinor());
            sys.mknod(target, type | (entry.getMode() & 07777), dev);
        } else if (entry.isFile()) {
            // Files.copy opens with O_CREAT|O_EXCL: it can never follow a symlink at the target.
            Files.copy(content, target);
        } else {
            throw InvalidLayerException.entry(name, "unsupported tar entry type");
        }
        applyMetadata(target, entry, xattrs, !entry.isSymbolicLink());
        setTimes(target, entry);
    }

    /**
     * Makes room for an entry: a later entry of the same name wins, except that a directory over a directory
     * merges. Returns whether what was removed was a whiteout of this layer.
     */
    private boolean clearFor(TarArchiveEntry entry, Path target) throws IOException {
        BasicFileAttributes existing = LayerPaths.attributes(target);
        if (existing == null || (existing.isDirectory() && entry.isDirectory())) {
            return false;
        }
        boolean whiteout = sys.lstat(target).isWhiteout();
        TreeDeleter.delete(target);
        // Directories of this layer that went with it get no times set at the end (they are gone).
        directoryTimes.keySet().removeIf(dir -> dir.startsWith(target));
        return whiteout;
    }

    private void whiteout(TarArchiveEntry entry, String rel, String base) throws IOException {
        String name = entry.getName();
        String parent = LayerPaths.parentOf(rel);
        if (base.equals(OPAQUE_MARKER)) {
            Path dir = paths.directory(name, parent, true);
            sys.lsetxattr(dir, OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
            return; // aufs bookkeeping such as .wh..wh.plnk: meaningless on overlayfs, as in moby
        }
        String hidden = base.substring(WHITEOUT_PREFIX.length());
        if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
            throw InvalidLayerException.entry(name, "whiteout of an invalid name");
        }
        Path target = paths.forWrite(name, parent.isEmpty() ? hidden : parent + "/" + hidden);
        if (LayerPaths.attributes(target) != null) {
            return; // a whiteout only hides lower layers, never an entry of its own layer
        }
        sys.mknod(target, FileSyscalls.S_IFCHR, 0);
        sys.lchown(target, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
        setTimes(target, entry);
    }

    /** Owner first, since chown clears setuid bits and file capabilities; then mode and xattrs. */
    private void applyMetadata(Path target, TarArchiveEntry entry, Map<String, byte[]> xattrs, boolean chmod)
            throws IOException {
        sys.lchown(target, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
        if (chmod) {
            sys.chmod(target, entry.getMode() & 07777);
        }
        for (Map.Entry<String, byte[]> x : xattrs.entrySet()) {
            sys.lsetxattr(target, x.getKey(), x.getValue());
        }
    }

    private void setTimes(Path target, TarArchiveEntry entry) throws IOException {
        Instant mtime = entry.getLastModifiedTime().toInstant();
        Instant atime = entry.getLastAccessTime() != null && entry.getLastAccessTime().toInstant().isAfter(mtime)
                ? entry.getLastAccessTime().toInstant() : mtime;
        sys.lutimes(target, atime, mtime);
    }

    /**
     * The entry's xattrs: SCHILY (GNU tar, Go) with the raw bytes from the tap when its names agree with what
     * commons-compress parsed, and LIBARCHIVE (bsdtar, base64 values).
     */
    private static Map<String, byte[]> xattrsOf(TarArchiveEntry entry, Map<String, byte[]> raw) {
        Map<String, byte[]> fromStrings = new HashMap<>();
        for (Map.Entry<String, String> h : entry.getExtraPaxHeaders().entrySet()) {
            String key = h.getKey();
            if (key.startsWith(PaxXattrTap.XATTR_PREFIX)) {
                fromStrings.put(key.substring(PaxXattrTap.XATTR_PREFIX.length()),
                        h.getValue().getBytes(StandardCharsets.UTF_8));
            } else if (key.startsWith(LIBARCHIVE_XATTR_PREFIX)) {
                String xname = java.net.URLDecoder.decode(key.substring(LIBARCHIVE_XATTR_PREFIX.length()),
                        StandardCharsets.UTF_8);
                try {
                    fromStrings.put(xname, Base64.getDecoder().decode(h.getValue()));
                } catch (IllegalArgumentException e) {
                    throw InvalidLayerException.entry(entry.getName(), "xattr " + xname + " is not base64");
                }
            }
        }
        Map<String, byte[]> result = new LinkedHashMap<>(fromStrings);
        for (Map.Entry<String, byte[]> r : raw.entrySet()) {
            byte[] decoded = fromStrings.get(r.getKey());
            // Same bytes after commons-compress's lossy UTF-8 decoding means the tap read this very header.
            if (decoded != null && java.util.Arrays.equals(decoded,
                    new String(r.getValue(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))) {
                result.put(r.getKey(), r.getValue());
            }
        }
        return result;
    }
}
