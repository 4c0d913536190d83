package dev.berth.runtime.container.xray;

/**
 * One read-only lower dir of the container's overlay root: its position (0 = topmost, as overlayfs lists them), the
 * path in the mount options, the image layer it is (DiffID = the digest of the layer's tar, ChainID = that layer
 * together with everything below it) and the bytes its files take.
 */
public record OverlayLayer(int position, String lowerDir, String diffId, String chainId, long sizeBytes) {}
