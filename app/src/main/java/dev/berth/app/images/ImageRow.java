package dev.berth.app.images;

import java.time.Instant;

/**
 * One line of the Images table: an image under one of its tags (an image with two tags is two lines, like
 * {@code docker images}); a dangling image shows {@code <none>}.
 */
public record ImageRow(String id, String repository, String tag, Instant created, long size, boolean inUse) {
    public static final String NONE = "<none>";

    /** What to pass to remove/tag: the {@code repo:tag} when there is one (so only that tag goes), else the ID. */
    public String reference() {
        return repository.equals(NONE) ? id : repository + ":" + tag;
    }

    public boolean dangling() {
        return repository.equals(NONE);
    }
}
