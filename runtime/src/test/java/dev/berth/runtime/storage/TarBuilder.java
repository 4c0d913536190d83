package dev.berth.runtime.storage;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer tars for tests, including hostile ones, and compresses them. */
final class TarBuilder {
    static final FileTime MTIME = FileTime.fromMillis(1_700_000_000_000L);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    TarBuilder() {
        tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    TarBuilder dir(String name) {
        return dir(name, 0755, 0, 0);
    }

    TarBuilder dir(String name, int mode, int uid, int gid) {
        return put(entry(name, TarConstants.LF_DIR, mode, uid, gid), null);
    }

    TarBuilder file(String name, String content) {
        return file(name, content, 0644, 0, 0);
    }

    TarBuilder file(String name, String content, int mode, int uid, int gid) {
        return put(entry(name, TarConstants.LF_NORMAL, mode, uid, gid), content.getBytes(StandardCharsets.UTF_8));
    }

    TarBuilder symlink(String name, String target) {
        TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, 0777, 0, 0);
        e.setLinkName(target);
        return put(e, null);
    }

    TarBuilder hardlink(String name, String target) {
        TarArchiveEntry e = entry(name, TarConstants.LF_LINK, 0644, 0, 0);
        e.setLinkName(target);
        return put(e, null);
    }

    TarBuilder device(String name, byte flag, int major, int minor, int mode) {
        TarArchiveEntry e = entry(name, flag, mode, 0, 0);
        e.setDevMajor(major);
        e.setDevMinor(minor);
        return put(e, null);
    }

    /** A PAX header with byte-exact values, applying to the next entry (as Go's archive/tar writes xattrs). */
    TarBuilder rawPax(Map<String, byte[]> records) {
        ByteArrayOutputStream pax = new ByteArrayOutputStream();
        records.forEach((k, v) -> {
            byte[] key = k.getBytes(StandardCharsets.UTF_8);
            int body = key.length + v.length + 3;
            int len = body + Integer.toString(body).length();
            if (Integer.toString(len).length() != Integer.toString(body).length()) {
                len++;
            }
            pax.writeBytes((len + " " + k + "=").getBytes(StandardCharsets.UTF_8));
            pax.writeBytes(v);
            pax.write('\n');
        });
        TarArchiveEntry e = new TarArchiveEntry("PaxHeaders/x", TarConstants.LF_PAX_EXTENDED_HEADER_LC);
        e.setSize(pax.size());
        e.setModTime(MTIME); // the default is now, which would make the tar (and its DiffID) change per run
        return put(e, pax.toByteArray());
    }

    TarBuilder entry(TarArchiveEntry e, byte[] content) {
        return put(e, content);
    }

    static TarArchiveEntry entry(String name, byte flag, int mode, int uid, int gid) {
        // preserveAbsolutePath=true: hostile names must reach the unpacker as written.
        TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
        e.setMode(mode);
        e.setUserId(uid);
        e.setGroupId(gid);
        e.setModTime(MTIME);
        return e;
    }

    private TarBuilder put(TarArchiveEntry e, byte[] content) {
        try {
            if (content != null) {
                e.setSize(content.length);
            }
            tar.putArchiveEntry(e);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    byte[] tar() {
        try {
            tar.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zstd(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
