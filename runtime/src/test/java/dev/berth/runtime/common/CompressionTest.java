package dev.berth.runtime.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;

class CompressionTest {
    private static final byte[] DATA = "a build context, or a layer, in any of the usual compressions\n".repeat(100)
            .getBytes(StandardCharsets.UTF_8);

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(Compressor c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(DATA);
        }
        return bytes.toByteArray();
    }

    private static void roundTrip(Compression.Kind kind, byte[] compressed) throws IOException {
        assertEquals(kind, Compression.detect(new BufferedInputStream(new ByteArrayInputStream(compressed))));
        try (InputStream in = Compression.decompress(new ByteArrayInputStream(compressed))) {
            assertArrayEquals(DATA, in.readAllBytes());
        }
    }

    @Test
    void everyKindIsToldByItsMagicBytesAndUndone() throws IOException {
        roundTrip(Compression.Kind.GZIP, compress(GzipCompressorOutputStream::new));
        roundTrip(Compression.Kind.BZIP2, compress(BZip2CompressorOutputStream::new));
        roundTrip(Compression.Kind.XZ, compress(XZCompressorOutputStream::new));
        roundTrip(Compression.Kind.ZSTD, compress(ZstdCompressorOutputStream::new));
        roundTrip(Compression.Kind.NONE, DATA);
    }
}
