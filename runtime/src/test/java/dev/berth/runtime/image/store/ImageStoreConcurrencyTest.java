package dev.berth.runtime.image.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.digest.Digest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many virtual threads tagging, untagging and reading at once must leave one consistent store. */
class ImageStoreConcurrencyTest {
    @TempDir
    Path root;

    @Test
    void manyThreadsTaggingEndConsistent() throws Exception {
        ImageStore store = new ImageStore(root);
        List<Digest> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(store.put(ImageStoreTest.image("img" + i, List.of(), List.of())).id());
        }
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        Digest id = ids.get((thread + i) % ids.size());
                        String tag = "app:" + (i % 10);
                        store.tag(id, tag);
                        if (i % 7 == 0) {
                            store.untag("app:" + ((i + 3) % 10));
                        }
                        // Readers see whole snapshots: a tag resolves to an image that lists it.
                        store.byReference(tag).ifPresent(r -> assertTrue(r.repoTags().contains(tag)));
                        store.list();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        assertConsistent(store);
        ImageStore reloaded = new ImageStore(root);
        assertEquals(List.of(), reloaded.loadProblems());
        assertEquals(store.list(), reloaded.list());
    }

    /** Every tag names exactly one image, and the image lists it. */
    private static void assertConsistent(ImageStore store) {
        Map<String, Digest> owners = new HashMap<>();
        for (ImageRecord r : store.list()) {
            for (String tag : r.repoTags()) {
                Digest previous = owners.put(tag, r.id());
                assertEquals(null, previous, tag + " is on two images");
                assertEquals(r.id(), store.byReference(tag).orElseThrow().id());
            }
        }
        for (int i = 0; i < 10; i++) {
            String tag = "app:" + i;
            assertEquals(store.byReference(tag).map(ImageRecord::id), java.util.Optional.ofNullable(owners.get(tag)));
        }
    }
}
