package dev.berth.runtime.build.cache;

import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.ImageStore;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The step cache: an image made by a build step carries the step's key in its record ({@link #KEY}); a step is
 * found again by its parent image and its key. Keys are hex, not {@code sha256:…} digests, so the image store does
 * not take them for blobs.
 */
public final class BuildCache {
    /** The image record metadata field holding a step's key. */
    public static final String KEY = "build.step";

    private final ImageStore store;

    public BuildCache(ImageStore store) {
        this.store = store;
    }

    /** The key of a step: its parent image, what it did, and what else its result depends on. */
    public static String key(Digest parent, String createdBy, String inputs) {
        String text = (parent == null ? "" : parent.toString()) + "\n" + createdBy + "\n"
                + (inputs == null ? "" : inputs);
        return Digest.sha256(text.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** The newest image made by a step with {@code key} on {@code parent} (null for a stage FROM scratch). */
    public Optional<ImageRecord> find(Digest parent, String key) {
        return store.list().stream()
                .filter(i -> Objects.equals(i.parent(), parent) && key.equals(i.metadata().get(KEY)))
                .max(Comparator.comparing(i -> i.created() == null ? "" : i.created()));
    }
}
