package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.junit.jupiter.api.Test;

/** Layers hold exactly the entries asked for, and their digests describe their bytes. */
class LayerBuilderTest {

    @Test
    void writesEveryKindOfEntry() throws IOException {
        Layer layer = LayerBuilder.layer()
                .dir("/etc", 0755)
                .owner(1000, 1001)
                .file("/etc/motd", "hi\n".getBytes(), 0600)
                .symlink("etc/link", "motd")
                .hardlink("etc/hard", "/etc/motd")
                .whiteout("/etc/gone")
                .opaque("/var/cache")
                .build(Compression.NONE);
        Map<String, TarArchiveEntry> entries = read(new ByteArrayInputStream(layer.bytes()));
        assertEquals(java.util.List.of("etc/", "etc/motd", "etc/link", "etc/hard", "etc/.wh.gone",
                "var/cache/.wh..wh..opq"), java.util.List.copyOf(entries.keySet()));
        TarArchiveEntry motd = entries.get("etc/motd");
        assertEquals(0600, motd.getMode());
        assertEquals(1000, motd.getLongUserId());
        assertEquals(1001, motd.getLongGroupId());
        assertEquals(0755, entries.get("etc/").getMode());
        assertTrue(entries.get("etc/").isDirectory());
        assertTrue(entries.get("etc/link").isSymbolicLink());
        assertEquals("motd", entries.get("etc/link").getLinkName());
        assertTrue(entries.get("etc/hard").isLink());
        assertEquals("etc/motd", entries.get("etc/hard").getLinkName());
        assertEquals(layer.diffId(), layer.digest(), "an uncompressed layer's digest is its diff ID");
    }

    @Test
    void rawEntriesKeepHostileNames() throws IOException {
        TarArchiveEntry escape = new TarArchiveEntry("../x", TarConstants.LF_NORMAL, true);
        TarArchiveEntry absolute = new TarArchiveEntry("/abs", TarConstants.LF_NORMAL, true);
        TarArchiveEntry link = new TarArchiveEntry("passwd", TarConstants.LF_LINK, true);
        link.setLinkName("../../etc/passwd");
        byte[] tar = LayerBuilder.layer()
                .rawEntry(escape, "x".getBytes())
                .rawEntry(absolute, "abs".getBytes())
                .rawEntry(link, null)
                .tar();
        Map<String, TarArchiveEntry> entries = read(new ByteArrayInputStream(tar));
        assertTrue(entries.containsKey("../x"), entries.keySet().toString());
        assertTrue(entries.containsKey("/abs"), entries.keySet().toString());
        assertEquals("../../etc/passwd", entries.get("passwd").getLinkName());
    }

    @Test
    void gzipLayerDigestIsOfCompressedBytesAndDiffIdOfTheTar() throws IOException {
        LayerBuilder builder = LayerBuilder.layer().file("a", "same content");
        Layer gzip = builder.build(Compression.GZIP);
        assertEquals(Digests.sha256(gzip.bytes()), gzip.digest());
        assertEquals(gzip.bytes().length, gzip.size());
        assertEquals(Digests.sha256(builder.tar()), gzip.diffId());
        assertNotEquals(gzip.digest(), gzip.diffId());
        assertEquals(Map.of("a", 12L),
                sizes(read(new GzipCompressorInputStream(new ByteArrayInputStream(gzip.bytes())))));
        assertEquals(gzip.digest(), LayerBuilder.layer().file("a", "same content").build().digest(), "reproducible");
        assertEquals(MediaTypes.OCI_LAYER_GZIP, gzip.mediaType(ManifestFormat.OCI));
        assertEquals(MediaTypes.DOCKER_LAYER_GZIP, gzip.mediaType(ManifestFormat.DOCKER));
    }

    @Test
    void zstdLayerDecompressesToTheSameTar() throws IOException {
        LayerBuilder builder = LayerBuilder.layer().file("z", "zstd content");
        Layer zstd = builder.build(Compression.ZSTD);
        try (InputStream in = new ZstdCompressorInputStream(new ByteArrayInputStream(zstd.bytes()))) {
            assertArrayEquals(builder.tar(), in.readAllBytes());
        }
        assertEquals(MediaTypes.OCI_LAYER_ZSTD, zstd.mediaType(ManifestFormat.OCI));
    }

    @Test
    void busyboxBaseHasTheBinaryAndAnAppletLinkPerApplet() throws IOException {
        Map<String, TarArchiveEntry> entries = read(new ByteArrayInputStream(LayerBuilder.busyboxBase().tar()));
        assertEquals(LayerBuilder.Busybox.bytes().length, entries.get("bin/busybox").getSize());
        assertEquals(0755, entries.get("bin/busybox").getMode());
        assertEquals("busybox", entries.get("bin/sh").getLinkName());
        assertEquals("busybox", entries.get("bin/ls").getLinkName());
        assertEquals(01777, entries.get("tmp/").getMode());
        assertTrue(
                entries.containsKey("etc/passwd") && entries.containsKey("etc/group") && entries.containsKey("root/"));
        long links = entries.values().stream().filter(TarArchiveEntry::isSymbolicLink).count();
        assertEquals(LayerBuilder.Busybox.applets().stream().filter(a -> !a.equals("busybox")).count(), links);
    }

    private static Map<String, Long> sizes(Map<String, TarArchiveEntry> entries) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        entries.forEach((name, entry) -> sizes.put(name, entry.getSize()));
        return sizes;
    }

    static Map<String, TarArchiveEntry> read(InputStream in) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }
}
