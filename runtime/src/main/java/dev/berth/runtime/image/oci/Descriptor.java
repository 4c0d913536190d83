package dev.berth.runtime.image.oci;

import dev.berth.runtime.digest.Digest;
import java.util.List;
import java.util.Map;

/** A content descriptor: media type, digest and size of a blob, plus optional platform (OCI descriptor.md). */
public record Descriptor(
        String mediaType,
        Digest digest,
        long size,
        List<String> urls,
        Map<String, String> annotations,
        Platform platform,
        String artifactType) {

    /** A plain descriptor with no urls, annotations or platform. */
    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, null, null, null, null);
    }
}
