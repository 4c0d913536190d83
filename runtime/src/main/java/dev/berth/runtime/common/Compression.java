package dev.berth.runtime.common;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * The compressions a tar stream arrives in — layer blobs, image archives, build contexts, ADD archives — told apart
 * by their magic bytes, never by a media type or header: registries, old images and the clients of {@code /build}
 * (the CLI, docker-py, docker-java, Testcontainers) each label them differently, as moby's
 * {@code archive.DecompressStream} knows.
 */
public final class Compression {
    private Compression() {}

    /** The kinds of compression recognised. */
    public enum Kind { NONE, GZIP, ZSTD, BZIP2, XZ }

    private static final int MAGIC_LENGTH = 6;

    /** Peeks at the first bytes of {@code in}, which must support mark/reset. */
    public static Kind detect(InputStream in) throws IOException {
        in.mark(MAGIC_LENGTH);
        byte[] m = in.readNBytes(MAGIC_LENGTH);
        in.reset();
        if (starts(m, 0x1f, 0x8b)) {
            return Kind.GZIP;
        }
        if (starts(m, 0x28, 0xb5, 0x2f, 0xfd)) {
            return Kind.ZSTD;
        }
        if (starts(m, 'B', 'Z', 'h')) {
            return Kind.BZIP2;
        }
        if (starts(m, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return Kind.XZ;
        }
        return Kind.NONE;
    }

    /** The uncompressed stream of {@code raw}, whatever its compression; closing it closes {@code raw}. */
    public static InputStream decompress(InputStream raw) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 64 * 1024);
        return switch (detect(in)) {
            // Concatenated gzip members are valid gzip (pigz and some registries produce them).
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case ZSTD -> new ZstdCompressorInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> new XZCompressorInputStream(in, true);
            case NONE -> in;
        };
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
