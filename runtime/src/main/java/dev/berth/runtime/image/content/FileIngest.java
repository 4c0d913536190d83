package dev.berth.runtime.image.content;

import dev.berth.runtime.digest.DigestMismatchException;
import dev.berth.runtime.digest.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * An {@link Ingest} backed by its own temp file in {@code ingest/}. Used by one writer at a time (a pull
 * streams one blob on one thread), so it has no lock of its own.
 */
final class FileIngest implements Ingest {
    private final ContentStore store;
    private final Digest expected;
    private final long expectedSize;
    private final Path temp;
    private final String algorithm;

    private FileChannel channel;
    private MessageDigest hasher;
    private OutputStream output;
    private long written;
    private boolean finished;

    FileIngest(ContentStore store, Digest expected, long expectedSize, Path temp) throws IOException {
        this.store = store;
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.temp = temp;
        this.algorithm = expected != null ? expected.algorithm() : "sha256";
        start();
    }

    @Override
    public OutputStream output() {
        requireOpen();
        if (channel == null) {
            throw new IllegalStateException("ingest failed verification; reset() before writing again");
        }
        if (output == null) {
            // Unbuffered so that written() is exact for progress reports; pulls write in large chunks anyway.
            output = new HashingOutput();
        }
        return output;
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void reset() throws IOException {
        requireOpen();
        closeChannel();
        start();
    }

    @Override
    public Digest commit() throws IOException {
        requireOpen();
        if (channel == null) {
            throw new IllegalStateException("ingest failed verification; reset() and write again before commit");
        }
        channel.force(true);
        closeChannel();
        Digest actual = Digest.fromHash(algorithm, hasher.digest());
        if (expectedSize >= 0 && written != expectedSize) {
            discard();
            throw new DigestMismatchException("size mismatch for " + (expected != null ? expected : actual)
                    + ": expected " + expectedSize + " bytes, got " + written);
        }
        if (expected != null && !expected.equals(actual)) {
            discard();
            throw new DigestMismatchException("digest mismatch: expected " + expected + ", actual " + actual);
        }
        store.install(temp, actual);
        finished = true;
        return actual;
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        closeChannel();
        Files.deleteIfExists(temp);
    }

    /** (Re)opens the temp file empty and starts a fresh hash. */
    private void start() throws IOException {
        channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        hasher = expected != null ? expected.newHasher() : Digest.newSha256();
        output = null;
        written = 0;
    }

    /** After a failed verification: drop the bytes but stay usable for a reset and retry. */
    private void discard() throws IOException {
        Files.deleteIfExists(temp);
    }

    private void closeChannel() throws IOException {
        output = null; // a later output() must not reuse a stream bound to the closed channel
        if (channel != null) {
            FileChannel c = channel;
            channel = null;
            c.close();
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("ingest already committed or closed");
        }
    }

    /** Hashes and counts bytes on their way to the temp file; refuses to grow past the announced size. */
    private final class HashingOutput extends OutputStream {
        private final FileChannel target = channel;
        private final OutputStream file = Channels.newOutputStream(target);

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (target != channel) {
                throw new IOException("stale ingest output: the ingest was reset, committed or closed");
            }
            if (expectedSize >= 0 && written + len > expectedSize) {
                // Stop a lying or broken server early instead of filling the disk before commit notices.
                throw new DigestMismatchException("size mismatch for " + (expected != null ? expected : "blob")
                        + ": more than the expected " + expectedSize + " bytes");
            }
            file.write(b, off, len);
            hasher.update(b, off, len);
            written += len;
        }

        @Override
        public void close() {
            // Callers often close the output in try-with-resources before commit(); the ingest owns the file.
        }
    }
}
