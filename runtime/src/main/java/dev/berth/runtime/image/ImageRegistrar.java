package dev.berth.runtime.image;

import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.ImageStore;
import dev.berth.runtime.image.store.LayerRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an image visible once all its content is in place: the record is written last, so a pull or
 * load that dies halfway never leaves a half image listed. Pull, load and commit all end here.
 */
public final class ImageRegistrar {
    private final ImageStore store;
    private final EventBus events;

    public ImageRegistrar(ImageStore store, EventBus events) {
        this.store = store;
        this.events = events;
    }

    /** Writes (or merges into) the record for image {@code id}; returns the stored record. */
    public synchronized ImageRecord register(Digest id, ImageConfig config, List<LayerRef> layers, Digest parent,
            Map<String, String> metadata) {
        long size = layers.stream().mapToLong(LayerRef::unpackedSize).sum();
        ImageRecord existing = store.byId(id).orElse(null);
        Map<String, String> merged = new HashMap<>(
                existing == null || existing.metadata() == null ? Map.of() : existing.metadata());
        merged.putAll(metadata);
        ImageRecord record = new ImageRecord(
                id,
                existing == null ? List.of() : existing.repoTags(),
                existing == null ? List.of() : existing.repoDigests(),
                layers,
                config.created(),
                size,
                existing == null ? null : existing.lastTagTime(),
                parent != null ? parent : existing == null ? null : existing.parent(),
                merged);
        return store.put(record);
    }

    /** Points {@code tag} at image {@code id}, taking it from any other image; emits a tag event. */
    public void tag(Digest id, ImageReference tag) {
        store.tag(id, tag.familiarString());
        events.publish("image", "tag", id.toString(), Map.of("name", tag.familiarString()));
    }

    /** Records that {@code id} is known in a registry under {@code repository@digest}. */
    public void addRepoDigest(Digest id, ImageReference repository, Digest digest) {
        store.addRepoDigest(id, repository.withoutTagOrDigest().withDigest(digest).familiarString());
    }

    /** The stored record after all changes. */
    public ImageRecord current(Digest id) {
        return store.byId(id).orElseThrow();
    }

    /** Now, for LastTagTime. */
    static Instant now() {
        return Instant.now();
    }
}
