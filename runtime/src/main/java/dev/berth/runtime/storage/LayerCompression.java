package dev.berth.runtime.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * The compressions a layer blob may use (image-spec layer.md: tar, tar+gzip, tar+zstd), told apart by their
 * magic bytes rather than by the media type, because registries and old Docker images do not always agree.
 */
enum LayerCompression {
    GZIP, ZSTD, NONE;

    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    /** Peeks at the first bytes of {@code in}, which must support mark/reset. */
    static LayerCompression detect(InputStream in) throws IOException {
        in.mark(ZSTD_MAGIC.length);
        byte[] head = in.readNBytes(ZSTD_MAGIC.length);
        in.reset();
        if (startsWith(head, ZSTD_MAGIC)) {
            return ZSTD;
        }
        if (startsWith(head, GZIP_MAGIC)) {
            return GZIP;
        }
        return NONE;
    }

    /** The uncompressed tar stream of {@code blob}. */
    static InputStream decompress(InputStream blob) throws IOException {
        InputStream in = blob.markSupported() ? blob : new BufferedInputStream(blob, 64 * 1024);
        return switch (detect(in)) {
            // Concatenated gzip members are valid gzip (pigz and some registries produce them).
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case ZSTD -> new ZstdCompressorInputStream(in);
            case NONE -> in;
        };
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
