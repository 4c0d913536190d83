package dev.berth.runtime.storage;

import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.linux.FileSyscalls.Stat;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a layer's diff directory back as a layer tar: overlay whiteouts become {@code .wh.} entries again
 * (moby {@code overlayWhiteoutConverter}), entries are sorted, and metadata is only what the diff holds
 * (numeric owners, no user names, whole-second mtimes), so the same diff always yields the same DiffID.
 */
final class LayerExporter {
    private static final String PAX_XATTR = "SCHILY.xattr.";
    private static final int NAME_FIELD = 100;

    private final FileSyscalls sys;
    private final boolean scrub;

    LayerExporter(FileSyscalls sys) {
        this(sys, false);
    }

    /**
     * With {@code scrub}, also removes from the directory the overlayfs bookkeeping xattrs an upper dir collects
     * ({@code trusted.overlay.origin} and the like, but not the opaque marker), which the tar never carries anyway:
     * for a directory that becomes a layer as it is.
     */
    LayerExporter(FileSyscalls sys, boolean scrub) {
        this.sys = sys;
        this.scrub = scrub;
    }

    /** Streams the tar of {@code root} into {@code out}, which stays open. */
    void export(Path root, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        }, StandardCharsets.UTF_8.name());
        // Long names and binary xattrs go into PAX headers written here, byte-exact; see writeHeader.
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_TRUNCATE);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        walk(tar, root, "", new HashMap<>());
        tar.finish();
        tar.flush();
    }

    /** Files that share an inode: the first path seen is written as a file, later ones as hard links to it. */
    private record InodeKey(long dev, long ino) {}

    private void walk(TarArchiveOutputStream tar, Path dir, String prefix, Map<InodeKey, String> seen)
            throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.forEach(c -> names.add(c.getFileName().toString()));
        }
        names.sort(null);
        for (String name : names) {
            Path path = dir.resolve(name);
            String rel = prefix + name;
            Stat st = sys.lstat(path);
            if (st.isDirectory()) {
                Map<String, byte[]> xattrs = xattrs(path);
                boolean opaque = xattrs.remove(LayerExtractor.OPAQUE_XATTR) != null;
                writeHeader(tar, entry(rel + "/", TarConstants.LF_DIR, st, st.permissions()), xattrs, null, false);
                if (opaque) {
                    writeHeader(tar, entry(rel + "/" + LayerExtractor.OPAQUE_MARKER, TarConstants.LF_NORMAL, st,
                            st.permissions() & 0777), Map.of(), null, false);
                }
                walk(tar, path, rel + "/", seen);
            } else if (st.isWhiteout()) {
                String parent = LayerPaths.parentOf(rel);
                String whiteoutName = (parent.isEmpty() ? "" : parent + "/") + LayerExtractor.WHITEOUT_PREFIX + name;
                writeHeader(tar, entry(whiteoutName, TarConstants.LF_NORMAL, st, 0600), Map.of(), null, false);
            } else if (st.isSymlink()) {
                TarArchiveEntry e = entry(rel, TarConstants.LF_SYMLINK, st, 0777);
                writeHeader(tar, e, xattrs(path), Files.readSymbolicLink(path).toString(), false);
            } else if (st.isRegularFile()) {
                InodeKey key = new InodeKey(st.dev(), st.ino());
                String first = st.nlink() > 1 ? seen.putIfAbsent(key, rel) : null;
                if (first != null) {
                    writeHeader(tar, entry(rel, TarConstants.LF_LINK, st, st.permissions()), Map.of(), first, false);
                    continue;
                }
                TarArchiveEntry e = entry(rel, TarConstants.LF_NORMAL, st, st.permissions());
                e.setSize(st.size());
                writeHeader(tar, e, xattrs(path), null, true);
                try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
            } else if (st.type() == FileSyscalls.S_IFCHR || st.type() == FileSyscalls.S_IFBLK
                    || st.type() == FileSyscalls.S_IFIFO) {
                byte flag = st.type() == FileSyscalls.S_IFCHR ? TarConstants.LF_CHR
                        : st.type() == FileSyscalls.S_IFBLK ? TarConstants.LF_BLK : TarConstants.LF_FIFO;
                TarArchiveEntry e = entry(rel, flag, st, st.permissions());
                if (flag != TarConstants.LF_FIFO) {
                    e.setDevMajor((int) FileSyscalls.major(st.rdev()));
                    e.setDevMinor((int) FileSyscalls.minor(st.rdev()));
                }
                writeHeader(tar, e, xattrs(path), null, false);
            }
            // Sockets are not archived, as in moby and GNU tar.
        }
    }

    private static TarArchiveEntry entry(String name, byte flag, Stat st, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag);
        e.setMode(mode);
        e.setUserId(st.uid());
        e.setGroupId(st.gid());
        // TarArchiveEntry defaults the user name to the JVM's user and the time to now: neither belongs in a layer.
        e.setUserName("");
        e.setGroupName("");
        e.setModTime(FileTime.from(st.mtime().getEpochSecond(), java.util.concurrent.TimeUnit.SECONDS));
        return e;
    }

    /**
     * Puts the entry, preceded by a PAX header of our own when the name or link target does not fit the ustar
     * field or there are xattrs: commons-compress would encode xattr values as UTF-8 text, corrupting binary ones.
     * The entry is closed here unless content follows, which the caller writes and closes.
     */
    private static void writeHeader(TarArchiveOutputStream tar, TarArchiveEntry e, Map<String, byte[]> xattrs,
            String linkName, boolean contentFollows) throws IOException {
        ByteArrayOutputStream pax = new ByteArrayOutputStream();
        if (e.getName().getBytes(StandardCharsets.UTF_8).length >= NAME_FIELD) {
            paxRecord(pax, "path", e.getName().getBytes(StandardCharsets.UTF_8));
        }
        if (linkName != null) {
            e.setLinkName(linkName);
            if (linkName.getBytes(StandardCharsets.UTF_8).length >= NAME_FIELD) {
                paxRecord(pax, "linkpath", linkName.getBytes(StandardCharsets.UTF_8));
            }
        }
        xattrs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(x -> paxRecord(pax, PAX_XATTR + x.getKey(), x.getValue()));
        if (pax.size() > 0) {
            TarArchiveEntry header = new TarArchiveEntry("././@PaxHeader", TarConstants.LF_PAX_EXTENDED_HEADER_LC);
            header.setUserName("");
            header.setGroupName("");
            header.setModTime(FileTime.fromMillis(0));
            header.setSize(pax.size());
            tar.putArchiveEntry(header);
            pax.writeTo(tar);
            tar.closeArchiveEntry();
        }
        tar.putArchiveEntry(e);
        if (!contentFollows) {
            tar.closeArchiveEntry();
        }
    }

    /** One {@code "<len> key=value\n"} record, where len counts its own digits. */
    private static void paxRecord(ByteArrayOutputStream pax, String key, byte[] value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int body = 1 + k.length + 1 + value.length + 1; // ' ' key '=' value '\n'
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
        }
        pax.writeBytes(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
        pax.write(' ');
        pax.writeBytes(k);
        pax.write('=');
        pax.writeBytes(value);
        pax.write('\n');
    }

    /** The xattrs worth carrying in a layer: not overlay's own, nor host labels such as security.selinux. */
    private Map<String, byte[]> xattrs(Path path) throws IOException {
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (String name : sys.llistxattr(path)) {
            boolean overlayBookkeeping = name.startsWith("trusted.overlay.")
                    && !name.equals(LayerExtractor.OPAQUE_XATTR);
            boolean keep = name.equals("security.capability") || name.startsWith("user.")
                    || (name.startsWith("trusted.") && !overlayBookkeeping);
            if (overlayBookkeeping && scrub) {
                sys.lremovexattr(path, name);
            }
            if (keep) {
                Optional<byte[]> value = sys.lgetxattr(path, name);
                value.ifPresent(v -> result.put(name, v));
            }
        }
        return result;
    }
}
