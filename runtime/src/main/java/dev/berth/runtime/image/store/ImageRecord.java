package dev.berth.runtime.image.store;

import dev.berth.runtime.digest.Digest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine knows about one image.
 *
 * @param id           the config digest, which is docker's image ID
 * @param repoTags     familiar tag references, e.g. {@code busybox:latest}; empty for a dangling image
 * @param repoDigests  familiar digest references, e.g. {@code localhost:5000/busybox@sha256:...}
 * @param layers       bottom layer first
 * @param created      the config's {@code created}, RFC 3339, or null
 * @param size         sum of the unpacked layer sizes
 * @param lastTagTime  when the image was last tagged, or null
 * @param parent       the image this one was built or committed from, or null
 * @param metadata     free-form facts; values that parse as digests (e.g. the manifest digest pulled per
 *                     repository) count as blobs in use, see {@link ImageStore#blobsInUse()}
 */
public record ImageRecord(
        Digest id,
        List<String> repoTags,
        List<String> repoDigests,
        List<LayerRef> layers,
        String created,
        long size,
        Instant lastTagTime,
        Digest parent,
        Map<String, String> metadata) {

    public ImageRecord {
        Objects.requireNonNull(id, "id");
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        layers = layers == null ? List.of() : List.copyOf(layers);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** True if no tag names the image (docker shows it as {@code <none>:<none>}). */
    public boolean dangling() {
        return repoTags.isEmpty();
    }

    /** The ChainID of the top layer: the unpacked layer a container of this image starts from; null if none. */
    public Digest topChainId() {
        return layers.isEmpty() ? null : layers.getLast().chainId();
    }

    public ImageRecord withRepoTags(List<String> t) {
        return new ImageRecord(id, t, repoDigests, layers, created, size, lastTagTime, parent, metadata);
    }

    public ImageRecord withRepoDigests(List<String> d) {
        return new ImageRecord(id, repoTags, d, layers, created, size, lastTagTime, parent, metadata);
    }

    public ImageRecord withLayers(List<LayerRef> l) {
        return new ImageRecord(id, repoTags, repoDigests, l, created, size, lastTagTime, parent, metadata);
    }

    public ImageRecord withLastTagTime(Instant t) {
        return new ImageRecord(id, repoTags, repoDigests, layers, created, size, t, parent, metadata);
    }

    public ImageRecord withParent(Digest p) {
        return new ImageRecord(id, repoTags, repoDigests, layers, created, size, lastTagTime, p, metadata);
    }

    public ImageRecord withMetadata(Map<String, String> m) {
        return new ImageRecord(id, repoTags, repoDigests, layers, created, size, lastTagTime, parent, m);
    }

    /** A copy with one metadata entry set ({@code value} null removes it). */
    public ImageRecord withMetadataEntry(String key, String value) {
        Map<String, String> m = new HashMap<>(metadata);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return withMetadata(m);
    }
}
