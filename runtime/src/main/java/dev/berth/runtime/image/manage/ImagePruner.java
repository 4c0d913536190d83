package dev.berth.runtime.image.manage;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.gc.StorageGc;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.ImageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code docker image prune}: removes dangling images, or with {@code dangling=false} every unused one. */
public final class ImagePruner {
    private final ImageStore store;
    private final ImageRemover remover;
    private final ImageUsage usage;
    private final StorageGc gc;
    private final EventBus events;

    public ImagePruner(ImageStore store, ImageRemover remover, ImageUsage usage, StorageGc gc, EventBus events) {
        this.store = store;
        this.remover = remover;
        this.usage = usage;
        this.gc = gc;
        this.events = events;
    }

    /** What a prune removed, in {@code POST /images/prune}'s shape. */
    public record Report(@JsonProperty("ImagesDeleted") List<DeleteResult> imagesDeleted,
            @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}

    /**
     * Prunes images that are unused and match {@code filter}; dangling-only unless {@code all}.
     * {@code filter} carries the label/until filters the API parsed.
     */
    public Report prune(boolean all, Predicate<ImageRecord> filter) {
        long before = gc.diskUsage();
        List<DeleteResult> deleted = new ArrayList<>();
        for (ImageRecord image : store.list()) {
            // Only images at the top of a chain: their untagged parents (build steps) go with them.
            if (store.byId(image.id()).isEmpty() || !store.children(image.id()).isEmpty()) {
                continue;
            }
            boolean dangling = image.repoTags().isEmpty();
            if ((all || dangling) && usage.usersOf(image.id()).isEmpty() && filter.test(image)) {
                deleted.addAll(remover.remove(image.id().toString(), true, false));
            }
        }
        gc.collect();
        long reclaimed = Math.max(0, before - gc.diskUsage());
        events.publish("image", "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
        return new Report(deleted, reclaimed);
    }

    /** The {@code until} filter: images created before the instant. */
    public static Predicate<ImageRecord> createdBefore(Instant until) {
        return image -> image.created() == null || Instant.parse(image.created()).isBefore(until);
    }
}
