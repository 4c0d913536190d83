package dev.berth.runtime.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Reports the running total of bytes read from a stream, for "Extracting x MB / y MB" progress. */
final class ProgressInputStream extends FilterInputStream {
    private final LongConsumer progress;
    private long total;

    ProgressInputStream(InputStream in, LongConsumer progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            advance(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        // Re-reading after reset would count bytes twice.
        return false;
    }

    /** Leaves the underlying stream open: it belongs to the caller of {@link LayerStore#unpack}. */
    @Override
    public void close() {
        // deliberately empty
    }

    private void advance(long n) {
        total += n;
        progress.accept(total);
    }
}
