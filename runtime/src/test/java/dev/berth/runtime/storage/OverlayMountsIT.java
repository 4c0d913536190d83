package dev.berth.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.runtime.linux.LibcFileSyscalls;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OverlayMounts with the real mount(2): many layers through short links, whiteouts honored, writes go up. */
class OverlayMountsIT {
    final LibcFileSyscalls sys = new LibcFileSyscalls();
    Path temp;
    OverlayMounts mounts;
    Path merged;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount");
        temp = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-layers").toAbsolutePath()),
                "overlay");
        mounts = new OverlayMounts(temp, sys);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (merged != null) {
            mounts.unmount(merged);
        }
        if (temp != null) {
            dev.berth.runtime.common.TreeDeleter.delete(temp);
        }
    }

    @Test
    void mountsManyLayersWhoseFullPathsWouldNotFitInAPage() throws Exception {
        LayerStore store = new LayerStore(temp, sys);
        List<Layer> topFirst = new ArrayList<>();
        Layer parent = null;
        int count = 30;
        for (int i = 0; i < count; i++) {
            TarBuilder tar = new TarBuilder().file("layer" + i, "content " + i).file("shared", "from " + i);
            if (i == count - 1) {
                tar.file(".wh.layer0", "");
            }
            parent = store.unpack(parent == null ? null : parent.chainId(), null, new ByteArrayInputStream(tar.tar()),
                    n -> {});
            topFirst.addFirst(parent);
        }
        int fullLength = topFirst.stream().mapToInt(l -> l.diffDir().toString().length() + 1).sum();
        assertTrue(fullLength > OverlayMounts.MAX_OPTIONS,
                "the plain diff paths would overflow the page: " + fullLength);

        Path c = temp.resolve("containers/c1");
        merged = c.resolve("merged");
        mounts.mount(topFirst, c.resolve("upper"), c.resolve("work"), merged);

        assertEquals("from " + (count - 1), Files.readString(merged.resolve("shared")), "the top layer wins");
        assertEquals("content 5", Files.readString(merged.resolve("layer5")));
        assertFalse(Files.exists(merged.resolve("layer0")), "whiteout in the top layer hides the base file");
        Files.writeString(merged.resolve("new"), "rw");
        assertEquals("rw", Files.readString(c.resolve("upper/new")), "writes land in the upper dir");
        assertFalse(Files.exists(topFirst.getFirst().diffDir().resolve("new")), "layers stay untouched");

        mounts.unmount(merged);
        try (Stream<Path> s = Files.list(merged)) {
            assertEquals(0, s.count(), "unmounted");
        }
        mounts.unmount(merged); // already unmounted: fine
        merged = null;
    }
}
