package dev.berth.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes one layer tar, entry by entry in the order given (parents are not added for you, so a test can
 * make any tar it needs, malformed ones included). Paths are written without a leading slash; every entry
 * has the same modification time so the same calls always give the same digest.
 */
public final class LayerBuilder {

    /** The modification time of every entry: fixed, so layers are reproducible. */
    public static final Instant MTIME = Instant.parse("2024-01-01T00:00:00Z");

    private record Entry(TarArchiveEntry header, byte[] content) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int uid;
    private int gid;

    public static LayerBuilder layer() {
        return new LayerBuilder();
    }

    /**
     * A busybox root: {@code /bin/busybox} (Debian's busybox-static) with a symlink per applet in {@code /bin},
     * {@code /etc/passwd}, {@code /etc/group}, {@code /tmp} (1777), {@code /root} and the usual empty top-level
     * directories. No {@code /etc/hostname}: the runtime provides it.
     */
    public static LayerBuilder busyboxBase() {
        LayerBuilder layer = new LayerBuilder();
        for (String dir : List.of("bin", "dev", "etc", "home", "proc", "sys", "usr", "var")) {
            layer.dir(dir, 0755);
        }
        layer.dir("root", 0700).dir("tmp", 01777);
        layer.file("bin/busybox", Busybox.bytes(), 0755);
        for (String applet : Busybox.applets()) {
            if (!applet.equals("busybox")) {
                layer.symlink("bin/" + applet, "busybox");
            }
        }
        layer.file("etc/passwd", """
                root:x:0:0:root:/root:/bin/sh
                nobody:x:65534:65534:nobody:/nonexistent:/bin/false
                """.getBytes(StandardCharsets.UTF_8), 0644);
        layer.file("etc/group", """
                root:x:0:
                nogroup:x:65534:
                """.getBytes(StandardCharsets.UTF_8), 0644);
        return layer;
    }

    /** The owner of the entries added after this call (0:0 until set). */
    public LayerBuilder owner(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
        return this;
    }

    public LayerBuilder file(String path, byte[] content, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(relative(path), TarConstants.LF_NORMAL);
        entry.setMode(mode);
        entry.setSize(content.length);
        return add(entry, content);
    }

    public LayerBuilder file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public LayerBuilder dir(String path, int mode) {
        String name = relative(path);
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR);
        entry.setMode(mode);
        return add(entry, null);
    }

    public LayerBuilder symlink(String path, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(relative(path), TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        entry.setMode(0777);
        return add(entry, null);
    }

    /** A hard link to {@code target}, a path in the image (written, like the entry's own, without a leading slash). */
    public LayerBuilder hardlink(String path, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(relative(path), TarConstants.LF_LINK);
        entry.setLinkName(relative(target));
        entry.setMode(0644);
        return add(entry, null);
    }

    /** Deletes {@code path} of a lower layer: an empty {@code .wh.<name>} beside it. */
    public LayerBuilder whiteout(String path) {
        String name = relative(path);
        int slash = name.lastIndexOf('/');
        return file(name.substring(0, slash + 1) + ".wh." + name.substring(slash + 1), new byte[0], 0644);
    }

    /** Hides everything lower layers put in {@code dir}: a {@code <dir>/.wh..wh..opq} marker. */
    public LayerBuilder opaque(String dir) {
        String name = relative(dir);
        return file((name.endsWith("/") ? name : name + "/") + ".wh..wh..opq", new byte[0], 0644);
    }

    /**
     * An entry written exactly as given (name, type, link, mode, owner untouched; size set from {@code content}
     * when there is content): for deliberately hostile tars like {@code ../x}, {@code /abs} or links out of the root.
     */
    public LayerBuilder rawEntry(TarArchiveEntry entry, byte[] content) {
        if (content != null) {
            entry.setSize(content.length);
        }
        entries.add(new Entry(entry, content));
        return this;
    }

    private LayerBuilder add(TarArchiveEntry entry, byte[] content) {
        entry.setIds(uid, gid);
        // commons-compress fills in the JVM's user name; that would make digests depend on who runs the test.
        entry.setUserName("");
        entry.setGroupName("");
        entry.setModTime(MTIME.toEpochMilli());
        entries.add(new Entry(entry, content));
        return this;
    }

    /** The uncompressed tar. */
    public byte[] tar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (Entry entry : entries) {
                tar.putArchiveEntry(entry.header());
                if (entry.content() != null) {
                    tar.write(entry.content());
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write layer tar", e);
        }
        return out.toByteArray();
    }

    public Layer build(Compression compression) {
        byte[] tar = tar();
        byte[] blob = compress(tar, compression);
        return new Layer(blob, Digests.sha256(blob), blob.length, Digests.sha256(tar), compression);
    }

    /** A gzip layer. */
    public Layer build() {
        return build(Compression.GZIP);
    }

    private static byte[] compress(byte[] tar, Compression compression) {
        if (compression == Compression.NONE) {
            return tar;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tar.length / 2 + 64);
        try (OutputStream compressor = compressor(out, compression)) {
            compressor.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress layer", e);
        }
        return out.toByteArray();
    }

    private static OutputStream compressor(OutputStream out, Compression compression) throws IOException {
        if (compression == Compression.GZIP) {
            GzipParameters parameters = new GzipParameters();
            // Fast over small: test layers are built on every run, and random data does not shrink anyway.
            parameters.setCompressionLevel(Deflater.BEST_SPEED);
            return new GzipCompressorOutputStream(out, parameters);
        }
        try {
            return new org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream(out);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "zstd layers need zstd-jni (com.github.luben:zstd-jni) on the test classpath", e);
        }
    }

    private static String relative(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw new IllegalArgumentException("a layer entry needs a path below the root: " + path);
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Debian's static busybox, read once. */
    static final class Busybox {
        static final Path BINARY = Path.of(System.getProperty("berth.testkit.busybox", "/bin/busybox"));
        private static byte[] bytes;
        private static List<String> applets;

        static synchronized byte[] bytes() {
            if (bytes == null) {
                try {
                    bytes = Files.readAllBytes(BINARY);
                } catch (IOException e) {
                    throw new UncheckedIOException("busybox-static is needed at " + BINARY, e);
                }
            }
            return bytes;
        }

        static synchronized List<String> applets() {
            if (applets == null) {
                try {
                    Process process = new ProcessBuilder(BINARY.toString(), "--list").start();
                    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                        throw new IllegalStateException(BINARY + " --list failed");
                    }
                    applets = output.lines().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot run " + BINARY, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while listing busybox applets", e);
                }
            }
            return applets;
        }

        private Busybox() {}
    }
}
