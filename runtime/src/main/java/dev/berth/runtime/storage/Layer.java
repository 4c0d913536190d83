package dev.berth.runtime.storage;

import dev.berth.runtime.digest.Digest;
import java.nio.file.Path;

/**
 * One unpacked image layer: its ChainID (identity in the store), DiffID (sha256 of its uncompressed tar),
 * the ChainID of the layer below it (null for a base layer), the bytes its diff occupies and the diff
 * directory that overlayfs uses as a lowerdir.
 */
public record Layer(Digest chainId, Digest diffId, Digest parent, long size, Path diffDir) {}
