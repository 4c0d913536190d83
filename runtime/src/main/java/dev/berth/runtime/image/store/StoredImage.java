package dev.berth.runtime.image.store;

import dev.berth.runtime.digest.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The on-disk form of an image record ({@code images/<hex>.json}). References are left out: the index is
 * their one home, so moving a tag rewrites one file, not two records. {@code version} allows later migration.
 */
record StoredImage(
        int version,
        Digest id,
        List<LayerRef> layers,
        String created,
        long size,
        String lastTagTime,
        Digest parent,
        Map<String, String> metadata) {
    static final int CURRENT_VERSION = 1;

    static StoredImage of(ImageRecord r) {
        return new StoredImage(CURRENT_VERSION, r.id(), r.layers(), r.created(), r.size(),
                r.lastTagTime() == null ? null : r.lastTagTime().toString(), r.parent(), r.metadata());
    }

    /** The record, without references (the catalog fills them in from the index). */
    ImageRecord toRecord() {
        if (id == null) {
            throw new IllegalArgumentException("record has no id");
        }
        return new ImageRecord(id, List.of(), List.of(), layers, created, size,
                lastTagTime == null ? null : Instant.parse(lastTagTime), parent, metadata);
    }
}
