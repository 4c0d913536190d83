package dev.berth.app.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.ImageLayers;
import dev.berth.app.engine.ImageLayers.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerHistoryTest {
    static HistoryEntry h(String createdBy, long size) {
        return new HistoryEntry(Instant.EPOCH, createdBy, size, "");
    }

    @Test
    void sizedEntriesAreTheLayersWhenTheyCountRight() {
        List<HistoryEntry> history = List.of(h("/bin/sh -c #(nop) ADD file:abc in / ", 5_000_000),
                h("/bin/sh -c #(nop)  CMD [\"sh\"]", 0), h("RUN /bin/sh -c apk add curl # buildkit", 3_000_000),
                h("ENV A=b", 0));
        assertArrayEquals(new boolean[]{true, false, true, false}, LayerHistory.madeLayer(history, 2));
    }

    @Test
    void aZeroByteRunStillMadeALayer() {
        // RUN mkdir /x makes a layer with no file bytes: sizes alone count one layer too few.
        List<HistoryEntry> history = List.of(h("ADD rootfs.tar / # buildkit", 5_000_000), h("CMD [\"sh\"]", 0),
                h("RUN /bin/sh -c mkdir /x # buildkit", 0), h("LABEL a=b", 0));
        assertArrayEquals(new boolean[]{true, false, true, false}, LayerHistory.madeLayer(history, 2));
    }

    @Test
    void rowsAreNewestFirstWithLayerNumbersAndReadableInstructions() {
        ImageLayers image = new ImageLayers("sha256:img", List.of("app:1"), List.of("sha256:d1", "sha256:d2"),
                List.of(h("/bin/sh -c #(nop) ADD file:abc in / ", 5_000_000), h("/bin/sh -c #(nop)  CMD [\"sh\"]", 0),
                        h("/bin/sh -c echo hi > /f", 3)));
        List<LayerRow> rows = LayerHistory.rows(image, new SharingMap(Map.of("app:1", image)));
        assertEquals(3, rows.size());
        assertEquals("RUN echo hi > /f", rows.get(0).instruction());
        assertEquals(2, rows.get(0).number());
        assertEquals("sha256:d2", rows.get(0).diffId());
        assertEquals(ChainIds.of(image.diffIds()).get(1), rows.get(0).chainId());
        assertTrue(rows.get(1).empty());
        assertEquals("CMD [\"sh\"]", rows.get(1).instruction());
        assertEquals(1, rows.get(2).number());
        assertEquals("ADD file:abc in /", rows.get(2).instruction());
        assertEquals(1, rows.get(2).sharedBy());
    }

    @Test
    void instructionsReadLikeADockerfile() {
        assertEquals("RUN apk add x", Instructions.readable("|1 V=2 /bin/sh -c apk add x"));
        assertEquals("COPY app /app", Instructions.readable("COPY app /app # buildkit"));
        assertTrue(Instructions.isMetadata("/bin/sh -c #(nop)  ENV PATH=/bin"));
        assertTrue(Instructions.isMetadata("WORKDIR /x") == false);
        assertFalse(Instructions.isMetadata("RUN /bin/sh -c true # buildkit"));
    }

    @Test
    void chainIdsFollowTheOciDefinition() {
        List<String> chains = ChainIds.of(List.of("sha256:aa", "sha256:bb"));
        assertEquals("sha256:aa", chains.get(0), "the base layer's ChainID is its DiffID");
        // sha256("sha256:aa sha256:bb")
        assertEquals("sha256:" + sha256("sha256:aa sha256:bb"), chains.get(1));
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
