package dev.berth.app.engine;

/**
 * {@code GET /system/df} summed per kind, the way {@code docker system df} does: how many, how many in use, bytes
 * taken, and bytes a prune would free.
 */
public record DiskUsage(Category images, Category containers, Category volumes, Category buildCache) {

    /** One row of {@code docker system df}. */
    public record Category(int total, int active, long sizeBytes, long reclaimableBytes) {}

    public long totalBytes() {
        return images.sizeBytes() + containers.sizeBytes() + volumes.sizeBytes() + buildCache.sizeBytes();
    }
}
