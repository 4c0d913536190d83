package dev.berth.testkit;

/**
 * One built layer: the blob as stored in a registry ({@code bytes}, {@code digest}, {@code size}) and the
 * sha256 of its uncompressed tar ({@code diffId}, what an image config lists in {@code rootfs.diff_ids}).
 * The array is shared, not copied: do not modify it.
 */
public record Layer(byte[] bytes, String digest, long size, String diffId, Compression compression) {

    /** The layer media type in the given manifest format, e.g. {@code application/vnd.oci.image.layer.v1.tar+gzip}. */
    public String mediaType(ManifestFormat format) {
        return format.layerType(compression);
    }

    @Override
    public String toString() {
        return "Layer[" + digest + ", " + size + " bytes, " + compression + "]";
    }
}
