package dev.berth.runtime.image.manage;

import dev.berth.runtime.digest.Digest;
import java.util.List;

/** Tells which containers use an image, so removing it can be refused (409) like dockerd does. */
@FunctionalInterface
public interface ImageUsage {
    /** Containers created from image {@code imageId}. */
    List<User> usersOf(Digest imageId);

    /** A container that uses an image. */
    record User(String containerId, boolean running) {}

    /** For an engine with no containers yet. */
    ImageUsage NONE = id -> List.of();
}
