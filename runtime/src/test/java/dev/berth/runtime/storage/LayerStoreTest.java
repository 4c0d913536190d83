package dev.berth.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.digest.DigestMismatchException;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.linux.FileSyscallsFake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerStoreTest {
    @TempDir
    Path temp;
    Path dataRoot;
    FileSyscallsFake sys;
    LayerStore store;

    @BeforeEach
    void open() throws Exception {
        dataRoot = Files.createDirectory(temp.resolve("data"));
        sys = new FileSyscallsFake();
        store = new LayerStore(dataRoot, sys);
    }

    private Layer unpack(Digest parent, byte[] blob) {
        return store.unpack(parent, null, new ByteArrayInputStream(blob), n -> {});
    }

    @Test
    void chainIdFollowsTheImageSpec() {
        Digest a = Digest.parse("sha256:" + "a".repeat(64));
        Digest b = Digest.parse("sha256:" + "b".repeat(64));
        assertEquals(a, LayerStore.chainId(null, a));
        // printf 'sha256:aaa… sha256:bbb…' | sha256sum
        assertEquals(Digest.parse("sha256:ccd722928bd92476ba1745586fed6e45a102504185ad88cd89e01ff116fd146c"),
                LayerStore.chainId(a, b));
    }

    @Test
    void diffIdIsTheSha256OfTheTarWhateverTheCompression() throws Exception {
        byte[] tar = new TarBuilder().dir("etc/").file("etc/hostname", "berth\n").tar();
        Digest expected = Digest.sha256(tar);
        for (byte[] blob : List.of(tar, TarBuilder.gzip(tar), TarBuilder.zstd(tar))) {
            FileSyscallsFake fresh = new FileSyscallsFake();
            Path root = temp.resolve("root-" + blob.length);
            AtomicLong progress = new AtomicLong();
            Layer layer = new LayerStore(root, fresh).unpack(null, expected, new ByteArrayInputStream(blob),
                    progress::set);
            assertEquals(expected, layer.diffId());
            assertEquals(expected, layer.chainId());
            assertEquals(blob.length, progress.get(), "progress counts compressed bytes");
            assertEquals("berth\n", Files.readString(layer.diffDir().resolve("etc/hostname")));
            assertEquals(6, layer.size());
        }
    }

    @Test
    void whiteoutsBecomeOverlayCharDevicesAndOpaqueXattrs() throws Exception {
        byte[] tar = new TarBuilder()
                .dir("a/").entry(TarBuilder.entry("a/.wh.gone", TarConstants.LF_NORMAL, 0644, 7, 8), new byte[0])
                .dir("c/").file("c/.wh..wh..opq", "")
                .file(".wh.top", "")
                .file("d/.wh..wh..opq", "") // marker before its directory: the directory is created
                .file("e/.wh..wh.plnk", "") // aufs bookkeeping, ignored
                .tar();
        Layer layer = unpack(null, tar);
        Path diff = layer.diffDir();

        FileSyscalls.Stat gone = sys.lstat(diff.resolve("a/gone"));
        assertTrue(gone.isWhiteout());
        assertEquals(7, gone.uid());
        assertEquals(8, gone.gid());
        assertEquals(1, sys.calls("mknod", "/diff/a/gone").size());
        assertEquals("mode=20000 dev=0", sys.calls("mknod", "/diff/a/gone").getFirst().detail());
        assertTrue(sys.lstat(diff.resolve("top")).isWhiteout());
        assertArrayEquals("y".getBytes(), sys.lgetxattr(diff.resolve("c"), "trusted.overlay.opaque").orElseThrow());
        assertArrayEquals("y".getBytes(), sys.lgetxattr(diff.resolve("d"), "trusted.overlay.opaque").orElseThrow());
        assertTrue(sys.lgetxattr(diff.resolve("a"), "trusted.overlay.opaque").isEmpty());
        try (Stream<Path> all = Files.walk(diff)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().startsWith(".wh.")), "no marker file is written");
        }
    }

    @Test
    void aWhiteoutNeverHidesAnEntryOfItsOwnLayer() throws Exception {
        Layer layer = unpack(null, new TarBuilder().file("kept", "x").file(".wh.kept", "").tar());
        assertEquals("x", Files.readString(layer.diffDir().resolve("kept")));
        assertTrue(sys.calls("mknod", "/kept").isEmpty());
    }

    @Test
    void aDirectoryReplacingAWhiteoutOfTheSameLayerIsOpaque() throws Exception {
        Layer layer = unpack(null, new TarBuilder().file(".wh.etc", "").dir("etc/").file("etc/new", "n").tar());
        Path etc = layer.diffDir().resolve("etc");
        assertTrue(Files.isDirectory(etc));
        assertArrayEquals("y".getBytes(), sys.lgetxattr(etc, "trusted.overlay.opaque").orElseThrow());
    }

    @Test
    void keepsModesOwnersTimesXattrsAndSpecialFiles() throws Exception {
        byte[] capability = {0x01, 0x00, 0x00, 0x02, (byte) 0x80, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] tar = new TarBuilder()
                .dir("bin/", 01777, 0, 0)
                .file("bin/su", "#!", 04755, 0, 0)
                .rawPax(java.util.Map.of("SCHILY.xattr.security.capability", capability))
                .file("bin/ping", "p", 0755, 1000, 1001)
                .symlink("bin/sh", "/bin/busybox")
                .device("dev/null", TarConstants.LF_CHR, 1, 3, 0666)
                .device("dev/sda", TarConstants.LF_BLK, 8, 0, 0660)
                .device("run/fifo", TarConstants.LF_FIFO, 0, 0, 0600)
                .tar();
        Path diff = unpack(null, tar).diffDir();
        assertEquals(04755, sys.lstat(diff.resolve("bin/su")).permissions());
        assertEquals(01777, sys.lstat(diff.resolve("bin")).permissions());
        FileSyscalls.Stat ping = sys.lstat(diff.resolve("bin/ping"));
        assertEquals(1000, ping.uid());
        assertEquals(1001, ping.gid());
        assertArrayEquals(capability, sys.lgetxattr(diff.resolve("bin/ping"), "security.capability").orElseThrow(),
                "binary xattr bytes survive, including 0x80");
        assertTrue(Files.isSymbolicLink(diff.resolve("bin/sh")));
        assertEquals("/bin/busybox", Files.readSymbolicLink(diff.resolve("bin/sh")).toString());
        assertEquals(TarBuilder.MTIME.toInstant(), sys.lstat(diff.resolve("bin/sh")).mtime(), "symlink time set");
        assertTrue(sys.calls("chmod", "/bin/sh").isEmpty(), "chmod never touches a symlink");
        assertEquals(1, sys.calls("lchown", "/bin/sh").size());
        assertEquals("mode=20666 dev=259", sys.calls("mknod", "/dev/null").getFirst().detail());
        assertEquals("mode=60660 dev=2048", sys.calls("mknod", "/dev/sda").getFirst().detail());
        assertEquals("mode=10600 dev=0", sys.calls("mknod", "/run/fifo").getFirst().detail());
        // chown clears setuid bits and capabilities, so it must come first.
        List<String> order = sys.calls().stream().filter(c -> c.path().endsWith("bin/ping"))
                .map(FileSyscallsFake.Call::name).toList();
        assertEquals(List.of("lchown", "chmod", "lsetxattr", "lutimes"), order);
    }

    @Test
    void handlesDotSlashPrefixesLateDirectoriesDuplicatesAndLongNames() throws Exception {
        String longName = "deep/" + "n".repeat(150) + "/file";
        byte[] tar = new TarBuilder()
                .dir("./")
                .file("./etc/passwd", "old")
                .dir("./etc/", 0700, 0, 0)
                .file("./etc/passwd", "new")
                .file(longName, "long")
                .symlink("./etc/link", "passwd")
                .file("etc/link", "file replaces symlink")
                .tar();
        Path diff = unpack(null, tar).diffDir();
        assertEquals("new", Files.readString(diff.resolve("etc/passwd")));
        assertEquals("long", Files.readString(diff.resolve(longName)));
        assertFalse(Files.isSymbolicLink(diff.resolve("etc/link")));
        assertEquals(0700, sys.lstat(diff.resolve("etc")).permissions());
        // A directory's time is set after everything inside it was written.
        List<FileSyscallsFake.Call> times = sys.calls().stream().filter(c -> c.name().equals("lutimes")).toList();
        int etcTime = indexOf(times, "/diff/etc");
        assertTrue(etcTime > indexOf(times, "/diff/etc/passwd"));
        assertTrue(etcTime > indexOf(times, "/diff/etc/link"));
        assertEquals(times.size() - 1, indexOf(times, "/diff"), "the layer root comes last");
    }

    private static int indexOf(List<FileSyscallsFake.Call> calls, String suffix) {
        int found = -1;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).path().toString().endsWith(suffix)) {
                found = i;
            }
        }
        return found;
    }

    @Test
    void hardLinksStayInsideTheLayer() throws Exception {
        Path diff = unpack(null, new TarBuilder().file("a", "data").hardlink("b", "./a").tar()).diffDir();
        assertEquals(Files.readAttributes(diff.resolve("a"), "unix:ino").get("ino"),
                Files.readAttributes(diff.resolve("b"), "unix:ino").get("ino"));
    }

    @Test
    void refusesEveryEscape() throws Exception {
        Path outside = Files.createDirectory(temp.resolve("outside"));
        String abs = outside.toString();
        List<byte[]> hostile = List.of(
                new TarBuilder().file("../x", "x").tar(),
                new TarBuilder().file("/abs", "x").tar(),
                new TarBuilder().file(abs + "/x", "x").tar(),
                new TarBuilder().file("a/../../x", "x").tar(),
                new TarBuilder().symlink("link", "/").file("link" + abs + "/x", "x").tar(),
                new TarBuilder().symlink("link", abs).file("link/x", "x").tar(),
                new TarBuilder().symlink("l2", abs).symlink("l1", "l2").file("l1/x", "x").tar(),
                new TarBuilder().symlink("up", "..").file("up/up/outside/x", "x").tar(),
                new TarBuilder().symlink("link", abs).dir("link/sub/").tar(),
                new TarBuilder().symlink("link", abs).file("link/.wh.x", "").tar(),
                new TarBuilder().symlink("link", abs).file("link/.wh..wh..opq", "").tar(),
                new TarBuilder().hardlink("passwd", "../../etc/passwd").tar(),
                new TarBuilder().hardlink("passwd", "/etc/passwd").tar(),
                new TarBuilder().symlink("link", abs).hardlink("h", "link/secret").tar(),
                new TarBuilder().file(".wh...", "").tar());
        Files.writeString(outside.resolve("secret"), "s");
        List<String> before = listing(temp);
        for (byte[] tar : hostile) {
            InvalidLayerException e = assertThrows(InvalidLayerException.class, () -> unpack(null, tar));
            assertTrue(e.getMessage().startsWith("refusing layer entry \""), e.getMessage());
            assertEquals(before, listing(temp), "nothing written outside, no temp dir left: " + e.getMessage());
            assertTrue(store.list().isEmpty());
        }
    }

    @Test
    void refusalNamesTheEntry() {
        byte[] tar = new TarBuilder().file("ok", "x").file("a/../../etc/shadow", "x").tar();
        InvalidLayerException e = assertThrows(InvalidLayerException.class, () -> unpack(null, tar));
        assertTrue(e.getMessage().contains("a/../../etc/shadow"), e.getMessage());
    }

    private static List<String> listing(Path root) throws Exception {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> all.add(root.relativize(p).toString()));
        }
        all.sort(null);
        return all;
    }

    @Test
    void refusesAWrongDiffIdAndLeavesNothing() throws Exception {
        byte[] tar = new TarBuilder().file("f", "x").tar();
        Digest wrong = Digest.sha256("other".getBytes());
        List<String> before = listing(temp);
        assertThrows(DigestMismatchException.class,
                () -> store.unpack(null, wrong, new ByteArrayInputStream(TarBuilder.gzip(tar)), n -> {}));
        assertEquals(before, listing(temp));
        assertFalse(store.exists(LayerStore.chainId(null, Digest.sha256(tar))));
    }

    @Test
    void refusesGarbage() {
        byte[] garbage = "this is not a tar archive at all, not even close".repeat(20).getBytes();
        assertThrows(InvalidLayerException.class, () -> unpack(null, TarBuilder.gzip(garbage)));
    }

    @Test
    void storesListsReturnsExistingAndRemoves() throws Exception {
        Layer base = unpack(null, new TarBuilder().file("a", "12345").tar());
        byte[] topTar = new TarBuilder().file("b", "123").tar();
        Layer top = unpack(base.chainId(), topTar);
        assertEquals(base.chainId(), top.parent());
        assertEquals(LayerStore.chainId(base.chainId(), Digest.sha256(topTar)), top.chainId());
        assertEquals(dataRoot.resolve("layers").resolve(top.chainId().hex()).resolve("diff"), top.diffDir());
        assertEquals(List.of(base, top).stream().sorted((x, y) -> x.chainId().compareTo(y.chainId())).toList(),
                store.list());
        assertEquals(8, store.diskUsage());
        assertEquals(top, new LayerStore(dataRoot, sys).get(top.chainId()).orElseThrow(), "survives reopening");

        // Already there: returned without reading the blob.
        assertEquals(top, store.unpack(base.chainId(), top.diffId(), new ByteArrayInputStream(new byte[0]), n -> {}));
        // Without the expected DiffID it is computed, and the existing layer is still returned.
        assertEquals(top, unpack(base.chainId(), topTar));

        assertThrows(ConflictException.class, () -> store.remove(base.chainId()));
        store.remove(top.chainId());
        assertFalse(store.exists(top.chainId()));
        assertFalse(Files.exists(dataRoot.resolve("layers").resolve(top.chainId().hex())));
        assertThrows(NotFoundException.class, () -> store.remove(top.chainId()));
        assertThrows(NotFoundException.class, () -> unpack(top.chainId(), topTar));
        assertTrue(store.get(top.chainId()).isEmpty());
    }

    @Test
    void discardsInterruptedUnpacksOnOpen() throws Exception {
        Path leftover = Files.createDirectories(dataRoot.resolve("layers/.tmp-123/diff/etc"));
        Files.writeString(leftover.resolve("half"), "x");
        Layer kept = unpack(null, new TarBuilder().file("a", "x").tar());
        new LayerStore(dataRoot, sys);
        assertFalse(Files.exists(dataRoot.resolve("layers/.tmp-123")));
        assertTrue(Files.exists(kept.diffDir().resolve("a")));
    }

    @Test
    void exportGivesBackWhiteoutsAndTheSameBytesEveryTime() throws Exception {
        byte[] capability = {0x01, 0, 0, 0x02, (byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        String longName = "deep/" + "n".repeat(150) + "/file";
        byte[] tar = new TarBuilder()
                .dir("etc/", 0755, 0, 0).file("etc/.wh.old", "").file("etc/.wh..wh..opq", "")
                .rawPax(java.util.Map.of("SCHILY.xattr.security.capability", capability))
                .file("etc/ping", "p", 04755, 1, 2)
                .hardlink("etc/ping2", "etc/ping")
                .symlink("etc/sh", "/bin/busybox")
                .device("etc/null", TarConstants.LF_CHR, 1, 3, 0666)
                .file(longName, "long")
                .tar();
        Layer layer = unpack(null, tar);
        byte[] exported = export(store, layer.chainId());
        assertArrayEquals(exported, export(store, layer.chainId()));

        List<String> names = new ArrayList<>();
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new ByteArrayInputStream(exported))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName() + (e.isLink() ? " link " + e.getLinkName() : ""));
                assertEquals("", e.getUserName());
            }
        }
        assertEquals(List.of("deep/", "deep/" + "n".repeat(150) + "/", longName, "etc/", "etc/.wh..wh..opq",
                "etc/null", "etc/.wh.old", "etc/ping", "etc/ping2 link etc/ping", "etc/sh"), names);

        // Unpacking the export elsewhere and exporting again gives the same DiffID.
        LayerStore other = new LayerStore(temp.resolve("other"), new FileSyscallsFake());
        Layer again = other.unpack(null, Digest.sha256(exported), new ByteArrayInputStream(exported), n -> {});
        assertArrayEquals(exported, export(other, again.chainId()));
    }

    private static byte[] export(LayerStore store, Digest chainId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.exportTar(chainId, out);
        return out.toByteArray();
    }

    @Test
    void exportOfAMissingLayerIsNotFound() {
        assertThrows(NotFoundException.class,
                () -> store.exportTar(Digest.sha256(new byte[0]), new ByteArrayOutputStream()));
        assertNull(store.get(Digest.sha256(new byte[1])).orElse(null));
    }
}
