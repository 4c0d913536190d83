package dev.berth.runtime.image.archive;

import dev.berth.runtime.image.oci.MediaTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Recognises how a layer blob is compressed (by magic bytes, as docker does) and undoes it. */
public final class LayerCompression {
    private LayerCompression() {}

    /** The kinds of layer compression an engine meets. */
    public enum Kind { NONE, GZIP, ZSTD }

    /** Peeks at the first bytes of {@code in}, which must support mark/reset. */
    public static Kind detect(InputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return Kind.GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return Kind.ZSTD;
        }
        return Kind.NONE;
    }

    /** The uncompressed tar stream of a layer blob, whatever its compression. */
    public static InputStream decompress(InputStream raw) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 65536);
        return switch (detect(in)) {
            case GZIP -> new GzipCompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case NONE -> in;
        };
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
