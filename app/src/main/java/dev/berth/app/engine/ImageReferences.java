package dev.berth.app.engine;

/** Splits what a person types ("busybox", "localhost:5000/app:1.2", "alpine@sha256:…") into repository and tag. */
public final class ImageReferences {
    private ImageReferences() {}

    /** Repository and tag (or digest); the tag defaults to "latest", as the docker CLI does. */
    public record Split(String repository, String tag) {}

    public static Split split(String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty() || ref.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + ref + "' is not an image reference (example: busybox:latest)");
        }
        int at = ref.indexOf('@');
        if (at >= 0) {
            return new Split(ref.substring(0, at), ref.substring(at + 1));
        }
        int colon = ref.lastIndexOf(':');
        // A colon before the last slash belongs to a registry host:port, not to a tag.
        if (colon > ref.lastIndexOf('/')) {
            return new Split(ref.substring(0, colon), ref.substring(colon + 1));
        }
        return new Split(ref, "latest");
    }
}
