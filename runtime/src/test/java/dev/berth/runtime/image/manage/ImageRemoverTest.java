package dev.berth.runtime.image.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageRegistrar;
import dev.berth.runtime.image.ImageResolver;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.gc.StorageGc;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageStore;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.linux.FileSyscallsFake;
import dev.berth.runtime.storage.Layer;
import dev.berth.runtime.storage.LayerStore;
import dev.berth.testkit.LayerBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker rmi's rules: untag vs delete, force, images in use, shared layers kept. */
class ImageRemoverTest {
    @TempDir
    Path root;

    private ImageStore store;
    private LayerStore layers;
    private ContentStore content;
    private ImageRegistrar registrar;
    private ImageResolver resolver;
    private final List<ImageUsage.User> users = new ArrayList<>();
    private ImageRemover remover;
    private ImagePruner pruner;
    private Layer base;

    @BeforeEach
    void setUp() throws Exception {
        store = new ImageStore(root);
        content = new ContentStore(root);
        layers = new LayerStore(root, new FileSyscallsFake());
        EventBus events = new EventBus();
        registrar = new ImageRegistrar(store, events);
        resolver = new ImageResolver(store);
        StorageGc gc = new StorageGc(store, layers, content, Set::of);
        ImageUsage usage = id -> users;
        remover = new ImageRemover(store, resolver, usage, gc, events);
        pruner = new ImagePruner(store, remover, usage, gc, events);
        base = unpack(null, LayerBuilder.layer().file("base.txt", "base").tar());
    }

    private Layer unpack(Digest parent, byte[] tar) {
        return layers.unpack(parent, null, new ByteArrayInputStream(tar), n -> {});
    }

    /** Registers an image on top of the shared base layer with its own layer holding {@code marker}. */
    private Digest image(String marker, String... tags) {
        Layer own = unpack(base.chainId(), LayerBuilder.layer().file(marker, marker).tar());
        String configJson = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-01T00:00:00Z\",\"config\":{\"Labels\":{\"m\":\""
                + marker + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + base.diffId() + "\",\""
                + own.diffId() + "\"]}}";
        Digest id = content.put(configJson.getBytes(StandardCharsets.UTF_8));
        ImageConfig config = new ImageConfig("2024-01-01T00:00:00Z", null, "amd64", "linux", null, null, null, null,
                null, null, null);
        registrar.register(id, config, List.of(new LayerRef(base.diffId(), base.chainId(), null, base.size()),
                new LayerRef(own.diffId(), own.chainId(), null, own.size())), null, Map.of());
        for (String tag : tags) {
            registrar.tag(id, ImageReference.parse(tag));
        }
        return id;
    }

    @Test
    void removingOneOfTwoTagsOnlyUntags() {
        Digest id = image("a", "app:1", "app:2");
        List<DeleteResult> out = remover.remove("app:1", false, false);
        assertEquals(List.of(new DeleteResult("app:1", null)), out);
        assertTrue(store.byId(id).isPresent());
    }

    @Test
    void removingTheLastTagDeletesTheImageAndItsOwnLayerButKeepsSharedOnes() {
        Digest keep = image("keep", "keep:1");
        Digest gone = image("gone", "gone:1");
        Digest goneTop = store.byId(gone).orElseThrow().layers().get(1).chainId();
        List<DeleteResult> out = remover.remove("gone:1", false, false);
        assertEquals(new DeleteResult("gone:1", null), out.getFirst());
        assertTrue(out.contains(new DeleteResult(null, gone.toString())), out.toString());
        assertTrue(out.contains(new DeleteResult(null, goneTop.toString())), out.toString());
        assertFalse(store.byId(gone).isPresent());
        assertFalse(layers.exists(goneTop));
        assertTrue(layers.exists(base.chainId()), "the base layer is still used by keep:1");
        assertTrue(store.byId(keep).isPresent());
    }

    @Test
    void idReferencedInSeveralRepositoriesNeedsForce() {
        Digest id = image("multi", "one:1", "two:1");
        assertThrows(ConflictException.class, () -> remover.remove(id.hex().substring(0, 12), false, false));
        List<DeleteResult> forced = remover.remove(id.hex().substring(0, 12), true, false);
        assertTrue(forced.contains(new DeleteResult("one:1", null)));
        assertTrue(forced.contains(new DeleteResult("two:1", null)));
        assertTrue(forced.contains(new DeleteResult(null, id.toString())));
    }

    @Test
    void imagesUsedByContainersAreProtected() {
        Digest id = image("used", "used:1");
        users.add(new ImageUsage.User("c".repeat(64), false));
        ConflictException stopped = assertThrows(ConflictException.class,
                () -> remover.remove(id.toString(), false, false));
        assertTrue(stopped.getMessage().contains("must be forced"), stopped.getMessage());
        users.set(0, new ImageUsage.User("c".repeat(64), true));
        ConflictException running = assertThrows(ConflictException.class,
                () -> remover.remove(id.toString(), true, false));
        assertTrue(running.getMessage().contains("cannot be forced"), running.getMessage());
        assertTrue(store.byId(id).isPresent());
    }

    @Test
    void unknownImagesAreNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> remover.remove("nothing:1", false, false));
        assertEquals("No such image: nothing:1", e.getMessage());
    }

    @Test
    void pruneRemovesOnlyDanglingImagesUnlessAll() {
        Digest tagged = image("tagged", "tagged:1");
        Digest dangling = image("dangling");
        ImagePruner.Report report = pruner.prune(false, i -> true);
        assertEquals(1, report.imagesDeleted().stream().filter(d -> dangling.toString().equals(d.deleted())).count());
        assertTrue(report.spaceReclaimed() > 0);
        assertTrue(store.byId(tagged).isPresent());
        pruner.prune(true, i -> true);
        assertTrue(store.list().isEmpty());
        assertTrue(layers.list().isEmpty(), "every layer is unused once every image is gone");
    }
}
