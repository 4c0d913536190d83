package dev.berth.app.engine;

import java.time.Instant;
import java.util.List;

/** One image of {@code GET /images/json}: its ID, every {@code repo:tag} it carries (none when dangling), creation, size. */
public record ImageSummary(String id, List<String> repoTags, Instant created, long size) {
    public ImageSummary {
        repoTags = List.copyOf(repoTags);
    }
}
