package dev.berth.runtime.image.registry;

import dev.berth.runtime.digest.DigestMismatchException;
import dev.berth.runtime.image.content.Ingest;
import dev.berth.runtime.digest.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** A minimal {@link Ingest} for tests: hashes into a temp file and checks digest and size on commit. */
final class FileIngest implements Ingest {
    private final Path file;
    private final Digest expected;
    private final long expectedSize;
    private MessageDigest hasher;
    private OutputStream out;
    private long written;
    int resets;
    boolean committed;

    FileIngest(Path dir, Digest expected, long expectedSize) throws IOException {
        this.file = Files.createTempFile(dir, "ingest-", ".part");
        this.expected = expected;
        this.expectedSize = expectedSize;
        open();
    }

    private void open() throws IOException {
        hasher = expected.newHasher();
        written = 0;
        OutputStream fileOut = Files.newOutputStream(file);
        out = new FilterOutputStream(fileOut) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                fileOut.write(b, off, len);
                hasher.update(b, off, len);
                written += len;
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }
        };
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void reset() throws IOException {
        out.close();
        resets++;
        open();
    }

    @Override
    public Digest commit() throws IOException {
        out.close();
        Digest actual = Digest.fromHash(expected.algorithm(), hasher.digest());
        if (written != expectedSize || !actual.equals(expected)) {
            throw new DigestMismatchException("expected " + expected + " (" + expectedSize + " bytes), got " + actual
                    + " (" + written + " bytes)");
        }
        committed = true;
        return actual;
    }

    byte[] bytes() throws IOException {
        return Files.readAllBytes(file);
    }

    @Override
    public void close() throws IOException {
        out.close();
        if (!committed) {
            Files.deleteIfExists(file);
        }
    }
}
