package dev.berth.runtime.build.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarTreeTest {
    @TempDir
    Path dir;

    /** Entries as name, type ('f' file, 'd' dir, 'l' symlink, 'h' hard link), content or link target. */
    private static byte[] tar(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < entries.length; i += 3) {
                String name = entries[i];
                char type = entries[i + 1].charAt(0);
                String value = entries[i + 2];
                TarArchiveEntry e = switch (type) {
                    case 'd' -> new TarArchiveEntry(name + "/", true);
                    case 'l' -> new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
                    case 'h' -> new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
                    default -> new TarArchiveEntry(name, true);
                };
                if (type == 'l' || type == 'h') {
                    e.setLinkName(value);
                }
                byte[] data = type == 'f' ? value.getBytes(StandardCharsets.UTF_8) : new byte[0];
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private int files;

    private TarTree read(byte[] tar) throws IOException {
        return TarTree.read(new ByteArrayInputStream(tar), dir.resolve("context-" + files++ + ".tar"));
    }

    private static String content(TarTree tree, String path) throws IOException {
        try (InputStream in = tree.open(tree.lookup(path, true).orElseThrow())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void filesAreReadBackFromTheirOffsetsWithTheirDigests() throws Exception {
        String longName = "deep/" + "x".repeat(150) + "/file.txt";
        TarTree tree = read(tar("a.txt", "f", "alpha", "dir", "d", "", "dir/b.txt", "f", "b".repeat(70_000), longName,
                "f", "long"));
        assertEquals("alpha", content(tree, "a.txt"));
        assertEquals("b".repeat(70_000), content(tree, "dir/b.txt"));
        assertEquals("long", content(tree, longName));
        SourceTree.Entry a = tree.lookup("a.txt", false).orElseThrow();
        assertEquals(
                HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("alpha".getBytes())),
                tree.digest(a));
        assertEquals(List.of("a.txt", "deep", "dir"),
                tree.children(tree.lookup("", false).orElseThrow()).stream().map(SourceTree.Entry::name).toList());
    }

    @Test
    void linksResolveInsideTheTree() throws Exception {
        TarTree tree = read(
                tar("etc/passwd", "f", "ours", "hostetc", "l", "/etc", "up", "l", "../../..", "same", "h", "etc/passwd",
                        "out", "l", "/tmp", "out/written", "f", "through the link"));
        assertEquals("ours", content(tree, "hostetc/passwd"), "an absolute link leads to the tree's own /etc");
        assertEquals("ours", content(tree, "up/etc/passwd"), ".. stops at the root");
        assertEquals("ours", content(tree, "same"));
        assertEquals("through the link", content(tree, "tmp/written"), "written where the link leads, inside");
        assertEquals(SourceTree.Kind.SYMLINK, tree.lookup("hostetc", false).orElseThrow().kind());
    }

    @Test
    void escapingNamesAreRefused() {
        assertTrue(assertThrows(InvalidArgumentException.class, () -> read(tar("../x", "f", "x"))).getMessage()
                .contains(".."));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> read(tar("/abs", "f", "x"))).getMessage()
                .contains("absolute"));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> read(tar("h", "h", "missing"))).getMessage()
                .contains("hard link"));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> read(tar("f", "f", "x", "f/child", "f", "y")))
                .getMessage().contains("not a directory"));
    }

    @Test
    void aLaterEntryReplacesAnEarlierOneAndRemoveTakesSubtrees() throws Exception {
        TarTree tree = read(tar("a", "d", "", "a/inner", "f", "1", "a", "f", "now a file"));
        assertEquals("now a file", content(tree, "a"));
        assertTrue(tree.lookup("a/inner", false).isEmpty());
        tree.remove("a");
        assertTrue(tree.lookup("a", false).isEmpty());
    }
}
