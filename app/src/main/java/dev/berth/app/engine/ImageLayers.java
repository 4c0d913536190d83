package dev.berth.app.engine;

import java.time.Instant;
import java.util.List;

/**
 * An image's layers as the engine describes them: {@code diffIds} from {@code RootFS.Layers} (base first) and
 * {@code history} from {@code GET /images/{id}/history}, reordered oldest first like the diff IDs. History has one
 * entry per Dockerfile instruction, including those that made no layer (ENV, CMD…).
 */
public record ImageLayers(String id, List<String> repoTags, List<String> diffIds, List<HistoryEntry> history) {
    public ImageLayers {
        repoTags = List.copyOf(repoTags);
        diffIds = List.copyOf(diffIds);
        history = List.copyOf(history);
    }

    /** One history entry: the instruction ({@code CreatedBy}), when, and the size of the layer it made (0 if none). */
    public record HistoryEntry(Instant created, String createdBy, long size, String comment) {}
}
