package dev.berth.runtime.image.content;

import dev.berth.runtime.digest.DigestMismatchException;
import dev.berth.runtime.digest.Digest;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A blob being written into the content store. Bytes go to {@code ingest/} and are hashed as they
 * stream; {@link #commit()} checks digest and size and moves the file into {@code blobs/} atomically.
 * Closing without commit discards the partial data, so no half blob is ever visible.
 */
public interface Ingest extends AutoCloseable {
    /** Where to write the blob's bytes. Valid until {@link #reset()}, {@link #commit()} or {@link #close()}. */
    OutputStream output() throws IOException;

    /** Bytes written so far. */
    long written();

    /** Drops what was written so far, for a retry from the beginning. */
    void reset() throws IOException;

    /**
     * Verifies the bytes against the expected digest and size (when given) and makes the blob visible.
     * If the blob already exists, that counts as success.
     *
     * @throws DigestMismatchException if the bytes do not hash to the expected digest or size
     */
    Digest commit() throws IOException;

    /** Discards the partial data unless committed. */
    @Override
    void close() throws IOException;
}
