package dev.berth.app.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A one-way byte channel between two threads: one side {@link #write}s chunks, the other reads them as an
 * {@link InputStream} that blocks until data comes and ends after {@link #close()}. Unlike {@code PipedInputStream}
 * it does not break when the writing thread ends (which a callback thread of docker-java does).
 */
final class BytePipe extends InputStream {
    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int pos;
    private volatile boolean closed;

    void write(byte[] data) {
        if (!closed && data.length > 0) {
            chunks.add(data.clone());
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            chunks.add(END);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= current.length) {
            if (current == END) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for terminal data");
            }
            pos = 0;
            if (current == END) {
                chunks.add(END);
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        int n = current == END ? 0 : current.length - pos;
        byte[] next = chunks.peek();
        return n + (next == null || next == END ? 0 : next.length);
    }
}
