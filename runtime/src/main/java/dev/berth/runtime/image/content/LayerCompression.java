package dev.berth.runtime.image.content;

import dev.berth.runtime.common.Compression;
import dev.berth.runtime.image.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;

/** Recognises how a layer blob is compressed (by magic bytes, as docker does, see {@link Compression}) and names its media type. */
public final class LayerCompression {
    private LayerCompression() {}

    /** The kinds of layer compression an engine meets. */
    public enum Kind { NONE, GZIP, ZSTD }

    /** Peeks at the first bytes of {@code in}, which must support mark/reset. */
    public static Kind detect(InputStream in) throws IOException {
        return switch (Compression.detect(in)) {
            case GZIP -> Kind.GZIP;
            case ZSTD -> Kind.ZSTD;
            default -> Kind.NONE;
        };
    }

    /** The uncompressed tar stream of a layer blob, whatever its compression. */
    public static InputStream decompress(InputStream raw) throws IOException {
        return Compression.decompress(raw);
    }

    /** The Docker/OCI media type for a layer blob of this kind. */
    public static String mediaType(Kind kind) {
        return switch (kind) {
            case GZIP -> MediaTypes.DOCKER_LAYER_GZIP;
            case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
            case NONE -> MediaTypes.DOCKER_LAYER;
        };
    }
}
