package dev.berth.runtime.image.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir
    Path root;

    static Digest digest(String seed) {
        return Digest.sha256(seed.getBytes(StandardCharsets.UTF_8));
    }

    static ImageRecord image(String seed, List<String> tags, List<String> digests) {
        Digest diff = digest(seed + "-diff");
        LayerRef layer = new LayerRef(diff, diff,
                Descriptor.of("application/vnd.oci.image.layer.v1.tar+gzip", digest(seed + "-blob"), 1234), 4096);
        return new ImageRecord(digest(seed), tags, digests, List.of(layer), "2024-01-02T03:04:05Z", 4096,
                null, null, Map.of("manifest:localhost:5000/" + seed, digest(seed + "-manifest").toString()));
    }

    @Test
    void putThenLookUpByIdPrefixAndReference() {
        ImageStore store = new ImageStore(root);
        ImageRecord busybox = image("busybox", List.of("busybox:latest", "busybox:1.36"),
                List.of("localhost:5000/busybox@" + digest("busybox-manifest")));
        ImageRecord stored = store.put(busybox);

        assertEquals(List.of("busybox:1.36", "busybox:latest"), stored.repoTags(), "tags come back sorted");
        assertEquals(List.of(stored), store.list());
        assertEquals(Optional.of(stored), store.byId(busybox.id()));
        assertEquals(Optional.of(stored), store.byIdPrefix(busybox.id().hex().substring(0, 12)));
        assertEquals(Optional.of(stored), store.byIdPrefix("sha256:" + busybox.id().hex().substring(0, 5)));
        assertEquals(Optional.of(stored), store.byIdPrefix(busybox.id().toString()));
        assertEquals(Optional.of(stored), store.byReference("busybox:latest"));
        assertEquals(Optional.of(stored), store.byReference("localhost:5000/busybox@" + digest("busybox-manifest")));
        assertEquals(Optional.empty(), store.byReference("busybox:other"));
        assertEquals(Optional.empty(), store.byIdPrefix("not-hex"));
        assertEquals(Optional.empty(), store.byIdPrefix(""));
        assertEquals(Optional.empty(), store.byId(digest("nope")));
    }

    @Test
    void ambiguousIdPrefixMatchesNothing() {
        ImageStore store = new ImageStore(root);
        // Find two seeds whose IDs share a first hex digit, so that one digit is ambiguous.
        ImageRecord a = image("a0", List.of(), List.of());
        ImageRecord b = null;
        for (int i = 1; b == null; i++) {
            ImageRecord candidate = image("a" + i, List.of(), List.of());
            if (candidate.id().hex().charAt(0) == a.id().hex().charAt(0)) {
                b = candidate;
            }
        }
        store.put(a);
        store.put(b);
        assertEquals(Optional.empty(), store.byIdPrefix(a.id().hex().substring(0, 1)));
        assertEquals(a.id(), store.byIdPrefix(a.id().hex().substring(0, 20)).orElseThrow().id());
    }

    @Test
    void putReplacesReferencesExactly() {
        ImageStore store = new ImageStore(root);
        ImageRecord img = image("app", List.of("app:1", "app:2"), List.of());
        store.put(img);
        ImageRecord replaced = store.put(img.withRepoTags(List.of("app:2", "app:3")));
        assertEquals(List.of("app:2", "app:3"), replaced.repoTags());
        assertEquals(Optional.empty(), store.byReference("app:1"));
    }

    @Test
    void putTakesTagsFromOtherImages() {
        ImageStore store = new ImageStore(root);
        ImageRecord old = store.put(image("old", List.of("app:latest", "app:1"), List.of()));
        ImageRecord fresh = store.put(image("new", List.of("app:latest"), List.of()));
        assertEquals(List.of("app:latest"), fresh.repoTags());
        assertEquals(List.of("app:1"), store.byId(old.id()).orElseThrow().repoTags());
    }

    @Test
    void tagMovesBetweenImagesAndLeavesTheOldOneDangling() {
        ImageStore store = new ImageStore(root);
        ImageRecord v1 = store.put(image("v1", List.of("app:latest"), List.of()));
        ImageRecord v2 = store.put(image("v2", List.of(), List.of()));
        assertTrue(v2.dangling());

        Instant before = Instant.now();
        store.tag(v2.id(), "app:latest");

        assertEquals(v2.id(), store.byReference("app:latest").orElseThrow().id());
        ImageRecord oldOne = store.byId(v1.id()).orElseThrow();
        assertTrue(oldOne.dangling(), "v1 keeps its record but has no tag left");
        ImageRecord tagged = store.byId(v2.id()).orElseThrow();
        assertEquals(List.of("app:latest"), tagged.repoTags());
        assertFalse(tagged.lastTagTime().isBefore(before));
        assertEquals(2, store.list().size());
    }

    @Test
    void tagRejectsUnknownImagesAndMalformedTags() {
        ImageStore store = new ImageStore(root);
        ImageRecord img = store.put(image("x", List.of(), List.of()));
        assertThrows(NotFoundException.class, () -> store.tag(digest("missing"), "x:1"));
        assertThrows(InvalidArgumentException.class, () -> store.tag(img.id(), "x"));
        assertThrows(InvalidArgumentException.class, () -> store.tag(img.id(), "localhost:5000/x"));
        assertThrows(InvalidArgumentException.class, () -> store.tag(img.id(), "x@" + digest("m")));
        assertThrows(InvalidArgumentException.class, () -> store.tag(img.id(), "x: 1"));
        assertThrows(InvalidArgumentException.class, () -> store.addRepoDigest(img.id(), "x:1"));
        assertThrows(InvalidArgumentException.class,
                () -> store.put(image("y", List.of("no-tag"), List.of())));
        assertEquals(List.of(img), store.list(), "rejected calls change nothing");
        store.tag(img.id(), "localhost:5000/x:1");
        assertEquals(List.of("localhost:5000/x:1"), store.byId(img.id()).orElseThrow().repoTags());
    }

    @Test
    void untagRemovesTagsAndDigestsButKeepsTheImage() {
        ImageStore store = new ImageStore(root);
        String digestRef = "localhost:5000/app@" + digest("m");
        ImageRecord img = store.put(image("app", List.of("app:1"), List.of()));
        store.addRepoDigest(img.id(), digestRef);
        assertEquals(List.of(digestRef), store.byId(img.id()).orElseThrow().repoDigests());

        assertEquals(Optional.of(img.id()), store.untag("app:1"));
        assertEquals(Optional.empty(), store.untag("app:1"));
        ImageRecord left = store.byId(img.id()).orElseThrow();
        assertTrue(left.dangling());
        assertEquals(List.of(digestRef), left.repoDigests());

        assertEquals(Optional.of(img.id()), store.untag(digestRef));
        assertEquals(List.of(), store.byId(img.id()).orElseThrow().repoDigests());
    }

    @Test
    void removeDropsRecordAndReferences() {
        ImageStore store = new ImageStore(root);
        ImageRecord img = store.put(image("gone", List.of("gone:1"), List.of()));
        ImageRecord kept = store.put(image("kept", List.of("kept:1"), List.of()));
        store.remove(img.id());
        store.remove(img.id()); // absent: no-op

        assertEquals(List.of(kept), store.list());
        assertEquals(Optional.empty(), store.byReference("gone:1"));
        assertFalse(Files.exists(root.resolve("images/" + img.id().hex() + ".json")));
        assertEquals(List.of(kept), new ImageStore(root).list());
    }

    @Test
    void reloadEqualsWhatWasWritten() {
        ImageStore store = new ImageStore(root);
        Descriptor annotated = new Descriptor("application/vnd.oci.image.layer.v1.tar+zstd", digest("zblob"), 99,
                null, Map.of("org.opencontainers.image.title", "layer"), null, null);
        LayerRef unpackedOnly = new LayerRef(digest("d2"), digest("c2"), null, 10);
        store.put(image("layered", List.of(), List.of()).withLayers(List.of(
                new LayerRef(digest("d1"), digest("d1"), annotated, 5), unpackedOnly)));
        ImageRecord child = image("child", List.of("child:latest"), List.of("localhost:5000/child@" + digest("cm")))
                .withParent(digest("base")).withMetadataEntry("note", "made by commit");
        store.put(image("base", List.of("base:latest"), List.of()));
        store.put(child);
        store.tag(child.id(), "localhost:5000/child:v1");
        store.put(image("dangling", List.of(), List.of()));

        ImageStore reloaded = new ImageStore(root);
        assertEquals(store.list(), reloaded.list());
        assertEquals(List.of(), reloaded.loadProblems());
        assertEquals(store.layersInUse(), reloaded.layersInUse());
        assertEquals(store.blobsInUse(), reloaded.blobsInUse());
        assertEquals(List.of(store.byId(child.id()).orElseThrow()), reloaded.children(digest("base")));
    }

    @Test
    void gcSetsCoverLayersConfigsBlobsAndManifests() {
        ImageStore store = new ImageStore(root);
        ImageRecord img = image("app", List.of("app:1"), List.of("localhost:5000/app@" + digest("index")));
        store.put(img);
        LayerRef layer = img.layers().getFirst();

        assertEquals(Set.of(layer.chainId()), store.layersInUse());
        assertEquals(Set.of(img.id(), layer.blob().digest(), digest("index"), digest("app-manifest")),
                store.blobsInUse());
    }

    @Test
    void corruptRecordIsSetAsideAndReported() throws Exception {
        ImageStore store = new ImageStore(root);
        ImageRecord good = store.put(image("good", List.of("good:1"), List.of()));
        ImageRecord bad = store.put(image("bad", List.of("bad:1"), List.of()));
        Path badFile = root.resolve("images/" + bad.id().hex() + ".json");
        Files.writeString(badFile, "{\"version\":1,\"id\":\"sha256:trunc");

        ImageStore reloaded = new ImageStore(root);
        assertEquals(List.of(good), reloaded.list());
        assertEquals(Optional.empty(), reloaded.byReference("bad:1"), "the index entry of the dropped image goes too");
        assertFalse(reloaded.loadProblems().isEmpty());
        assertTrue(Files.exists(root.resolve("images/corrupt/" + bad.id().hex() + ".json")), "kept for inspection");

        ImageStore third = new ImageStore(root);
        assertEquals(List.of(), third.loadProblems(), "the repaired index loads cleanly");
        assertEquals(List.of(good), third.list());
    }

    @Test
    void danglingIndexEntriesAreDroppedAtLoad() throws Exception {
        ImageStore store = new ImageStore(root);
        ImageRecord good = store.put(image("good", List.of("good:1"), List.of()));
        ImageRecord lost = store.put(image("lost", List.of("lost:1"), List.of()));
        Files.delete(root.resolve("images/" + lost.id().hex() + ".json"));
        // A reference to an image that was never there, as damage might leave.
        Path index = root.resolve("images/repositories.json");
        Files.writeString(index, Files.readString(index).replace("\"references\":{",
                "\"references\":{\"ghost:1\":\"" + digest("ghost") + "\","));

        ImageStore reloaded = new ImageStore(root);
        assertEquals(List.of(good), reloaded.list());
        assertEquals(Optional.empty(), reloaded.byReference("lost:1"));
        assertEquals(Optional.empty(), reloaded.byReference("ghost:1"));
        assertTrue(reloaded.loadProblems().stream().anyMatch(p -> p.contains("ghost:1")),
                reloaded.loadProblems()::toString);
        assertTrue(reloaded.loadProblems().stream().anyMatch(p -> p.contains(lost.id().toString())));
        assertFalse(Files.readString(index).contains("ghost"), "the cleaned index is written back");
    }

    @Test
    void recordWithoutIndexEntryIsAnInterruptedWriteAndIsDiscarded() throws Exception {
        ImageStore store = new ImageStore(root);
        ImageRecord kept = store.put(image("kept", List.of("kept:1"), List.of()));
        Path index = root.resolve("images/repositories.json");
        byte[] before = Files.readAllBytes(index);
        store.put(image("half", List.of("half:1"), List.of()));
        Files.write(index, before); // as if killed after the record was written but before the index
        Files.writeString(root.resolve("images/.repositories.json.123.tmp"), "{\"vers"); // a torn temp file

        ImageStore reloaded = new ImageStore(root);
        assertEquals(List.of(kept), reloaded.list(), "the old state, not half of the new");
        assertFalse(Files.exists(root.resolve("images/" + image("half", List.of(), List.of()).id().hex() + ".json")));
        assertFalse(Files.exists(root.resolve("images/.repositories.json.123.tmp")));
    }

    @Test
    void corruptIndexKeepsImagesUntagged() throws Exception {
        ImageStore store = new ImageStore(root);
        ImageRecord img = store.put(image("img", List.of("img:1"), List.of()));
        Files.writeString(root.resolve("images/repositories.json"), "not json");

        ImageStore reloaded = new ImageStore(root);
        assertEquals(List.of(img.withRepoTags(List.of())), reloaded.list());
        assertFalse(reloaded.loadProblems().isEmpty());
    }

    @Test
    void noFilesMeansAnEmptyStore() {
        ImageStore store = new ImageStore(root);
        assertEquals(List.of(), store.list());
        assertEquals(List.of(), store.loadProblems());
        assertEquals(Set.of(), store.blobsInUse());
    }

    @Test
    void recordsOnDiskCarryNoReferences() throws Exception {
        ImageStore store = new ImageStore(root);
        ImageRecord img = store.put(image("img", List.of("img:1"), List.of()));
        String json = Files.readString(root.resolve("images/" + img.id().hex() + ".json"));
        assertFalse(json.contains("img:1"), "the index alone holds names, so a tag move rewrites one file");
        assertTrue(Files.readString(root.resolve("images/repositories.json")).contains("img:1"));
        assertTrue(json.contains(img.layers().getFirst().blob().digest().toString()));
    }
}
