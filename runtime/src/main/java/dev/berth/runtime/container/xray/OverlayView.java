package dev.berth.runtime.container.xray;

import java.util.List;

/**
 * The container's root filesystem as overlayfs puts it together: {@code lowers} (the image's layers, topmost first),
 * {@code upperDir} (where every write of the container lands), {@code workDir} (overlayfs' scratch space) and
 * {@code merged} (the union the container sees as "/"), plus what the upper dir holds, as changes.
 */
public record OverlayView(String merged, String upperDir, String workDir, boolean mounted, List<OverlayLayer> lowers,
        List<FileChange> changes, boolean changesTruncated) {}
