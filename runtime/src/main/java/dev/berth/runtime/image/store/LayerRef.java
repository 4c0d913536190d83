package dev.berth.runtime.image.store;

import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import java.util.Objects;

/**
 * One layer of an image: its DiffID, its ChainID (the key of the unpacked layer), the compressed blob it was
 * pulled or loaded as ({@code null} for layers that exist only unpacked, e.g. made by commit or build) and
 * its unpacked size in bytes.
 */
public record LayerRef(Digest diffId, Digest chainId, Descriptor blob, long unpackedSize) {
    public LayerRef {
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(chainId, "chainId");
    }
}
