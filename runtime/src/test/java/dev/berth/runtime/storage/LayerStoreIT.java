package dev.berth.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.linux.LibcFileSyscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LayerStore against the real kernel: real mknod, trusted xattrs, and an overlay mount of the result. Needs root. */
class LayerStoreIT {
    final FileSyscalls sys = new LibcFileSyscalls();
    Path temp;
    Path dataRoot;
    LayerStore store;
    final List<Path> mounted = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for mknod and trusted.* xattrs");
        // Under target/, not /tmp: tmpfs may lack trusted xattrs, and the test compares the parent's listing.
        Path parent = Files.createDirectories(Path.of("target", "it-layers").toAbsolutePath());
        temp = Files.createTempDirectory(parent, "store");
        dataRoot = temp.resolve("data");
        store = new LayerStore(dataRoot, sys);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Path m : mounted) {
            new ProcessBuilder("umount", m.toString()).inheritIO().start().waitFor();
        }
        if (temp != null) {
            dev.berth.runtime.common.TreeDeleter.delete(temp);
        }
    }

    private static final byte[] CAP_SETUID_EP = {0x01, 0, 0, 0x02, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0};

    private static byte[] baseTar() {
        return new TarBuilder()
                .dir("etc/").file("etc/passwd", "root:x:0:0\n").file("etc/shadow", "secret", 0640, 0, 42)
                .dir("opt/").file("opt/a", "a").file("opt/b", "b")
                .dir("bin/").file("bin/su", "su", 04755, 0, 0)
                .rawPax(Map.of("SCHILY.xattr.security.capability", CAP_SETUID_EP))
                .file("bin/ping", "ping", 0755, 0, 0)
                .symlink("bin/sh", "/bin/busybox")
                .device("dev/null", TarConstants.LF_CHR, 1, 3, 0666)
                .device("run/fifo", TarConstants.LF_FIFO, 0, 0, 0600)
                .tar();
    }

    private static byte[] middleTar() {
        return new TarBuilder()
                .dir("etc/").entry(TarBuilder.entry("etc/.wh.shadow", TarConstants.LF_NORMAL, 0644, 5, 6), new byte[0])
                .dir("opt/").file("opt/.wh..wh..opq", "").file("opt/c", "c")
                .tar();
    }

    private static byte[] topTar() {
        return new TarBuilder().file("etc/motd", "hello").file(".wh.run", "").tar();
    }

    @Test
    void unpacksCompressedLayersIntoOverlayFormThatTheKernelMounts() throws Exception {
        Layer base = store.unpack(null, null, new ByteArrayInputStream(TarBuilder.gzip(baseTar())), n -> {});
        Layer middle = store.unpack(base.chainId(), Digest.sha256(middleTar()),
                new ByteArrayInputStream(TarBuilder.zstd(middleTar())), n -> {});
        Layer top = store.unpack(middle.chainId(), null, new ByteArrayInputStream(topTar()), n -> {});
        assertEquals(Digest.sha256(baseTar()), base.diffId());

        FileSyscalls.Stat shadowWhiteout = sys.lstat(middle.diffDir().resolve("etc/shadow"));
        assertEquals(FileSyscalls.S_IFCHR, shadowWhiteout.type());
        assertEquals(0, shadowWhiteout.rdev());
        assertEquals(5, shadowWhiteout.uid());
        assertEquals(6, shadowWhiteout.gid());
        assertArrayEquals("y".getBytes(),
                sys.lgetxattr(middle.diffDir().resolve("opt"), "trusted.overlay.opaque").orElseThrow());
        assertEquals(04755, sys.lstat(base.diffDir().resolve("bin/su")).permissions());
        assertArrayEquals(CAP_SETUID_EP,
                sys.lgetxattr(base.diffDir().resolve("bin/ping"), "security.capability").orElseThrow());
        assertEquals(42, sys.lstat(base.diffDir().resolve("etc/shadow")).gid());
        FileSyscalls.Stat devNull = sys.lstat(base.diffDir().resolve("dev/null"));
        assertEquals(FileSyscalls.S_IFCHR, devNull.type());
        assertEquals(FileSyscalls.makedev(1, 3), devNull.rdev());
        assertEquals(FileSyscalls.S_IFIFO, sys.lstat(base.diffDir().resolve("run/fifo")).type());
        assertEquals(TarBuilder.MTIME.toInstant(), sys.lstat(base.diffDir().resolve("bin/sh")).mtime());
        assertEquals(TarBuilder.MTIME.toInstant(), sys.lstat(base.diffDir().resolve("etc")).mtime());

        Path merged = mountOverlay(List.of(top, middle, base));
        assertEquals("root:x:0:0\n", Files.readString(merged.resolve("etc/passwd")));
        assertFalse(Files.exists(merged.resolve("etc/shadow")), "whiteout hides the lower file");
        assertEquals("hello", Files.readString(merged.resolve("etc/motd")));
        assertEquals(List.of("c"), names(merged.resolve("opt")), "opaque dir hides the lower children");
        assertFalse(Files.exists(merged.resolve("run")), "top-level whiteout hides a directory");
        assertTrue(Files.isSymbolicLink(merged.resolve("bin/sh")));
    }

    private Path mountOverlay(List<Layer> topFirst) throws Exception {
        Path upper = Files.createDirectories(temp.resolve("c/upper"));
        Path work = Files.createDirectories(temp.resolve("c/work"));
        Path merged = Files.createDirectories(temp.resolve("c/merged"));
        String lower = String.join(":", topFirst.stream().map(l -> l.diffDir().toString()).toList());
        Process p = new ProcessBuilder("mount", "-t", "overlay", "overlay", "-o",
                "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work, merged.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mount -t overlay");
        mounted.add(merged);
        return merged;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportThenUnpackKeepsTheDiffId() throws Exception {
        for (byte[] tar : List.of(baseTar(), middleTar(), topTar())) {
            Layer layer = store.unpack(null, null, new ByteArrayInputStream(tar), n -> {});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.exportTar(layer.chainId(), out);
            byte[] exported = out.toByteArray();

            LayerStore other = new LayerStore(temp.resolve("other-" + layer.chainId().shortHex()), sys);
            Layer again = other.unpack(null, Digest.sha256(exported), new ByteArrayInputStream(exported), n -> {});
            ByteArrayOutputStream out2 = new ByteArrayOutputStream();
            other.exportTar(again.chainId(), out2);
            assertEquals(Digest.sha256(exported), Digest.sha256(out2.toByteArray()));
        }
        Layer base = store.get(LayerStore.chainId(null, Digest.sha256(baseTar()))).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportTar(base.chainId(), out);
        Layer copy = new LayerStore(temp.resolve("copy"), sys).unpack(null, null,
                new ByteArrayInputStream(out.toByteArray()), n -> {});
        assertArrayEquals(CAP_SETUID_EP,
                sys.lgetxattr(copy.diffDir().resolve("bin/ping"), "security.capability").orElseThrow());
        assertEquals(04755, sys.lstat(copy.diffDir().resolve("bin/su")).permissions());
    }

    @Test
    void neverWritesOutsideItsTempDir() throws Exception {
        Path outside = temp.getParent();
        List<String> before = listing(outside);
        String abs = outside.toString();
        store.unpack(null, null, new ByteArrayInputStream(TarBuilder.gzip(baseTar())), n -> {});
        for (byte[] hostile : List.of(
                new TarBuilder().symlink("link", "/").file("link" + abs + "/escaped", "x").tar(),
                new TarBuilder().symlink("link", abs).device("link/escaped", TarConstants.LF_CHR, 1, 3, 0666).tar(),
                new TarBuilder().symlink("link", abs).file("link/.wh.escaped", "").tar(),
                new TarBuilder().hardlink("h", "../../" + abs + "/x").tar(),
                new TarBuilder().file("../escaped", "x").tar())) {
            assertThrows(InvalidLayerException.class,
                    () -> store.unpack(null, null, new ByteArrayInputStream(hostile), n -> {}));
        }
        assertEquals(before, listing(outside));
        try (Stream<Path> s = Files.list(dataRoot.resolve("layers"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temp dir left");
        }
    }

    /** The parent's entries, excluding what lies inside this test's own temp dir. */
    private List<String> listing(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.startsWith(temp) || p.equals(temp)).map(Path::toString).sorted().toList();
        }
    }
}
