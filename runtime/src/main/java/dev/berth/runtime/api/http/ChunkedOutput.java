package dev.berth.runtime.api.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The body of a chunked response: bytes are gathered in a small buffer, sent as one chunk on
 * {@link #flush()} or when the buffer fills, and {@link #close()} sends the terminating chunk.
 */
final class ChunkedOutput extends OutputStream {
    /** What ends the response after the last chunk; run once. */
    interface Finisher {
        void finish() throws IOException;
    }

    private static final int BUFFER = 16 * 1024;

    private final ChannelWriter writer;
    private final Finisher finisher;
    private final byte[] buf = new byte[BUFFER];
    private int count;
    private boolean closed;

    ChunkedOutput(ChannelWriter writer, Finisher finisher) {
        this.writer = writer;
        this.finisher = finisher;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        ensureOpen();
        if (count == buf.length) {
            send(false);
        }
        buf[count++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        if (len >= buf.length) {
            send(false);
            // Large writes go out as their own chunk rather than being copied through the buffer.
            writer.write(new DefaultHttpContent(Unpooled.copiedBuffer(b, off, len)), false);
            return;
        }
        if (len > buf.length - count) {
            send(false);
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override
    public synchronized void flush() throws IOException {
        ensureOpen();
        send(true);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            send(false);
        } finally {
            closed = true;
            finisher.finish();
        }
    }

    private void send(boolean flush) throws IOException {
        if (count > 0) {
            writer.write(new DefaultHttpContent(Unpooled.wrappedBuffer(Arrays.copyOf(buf, count))), flush);
            count = 0;
        } else if (flush) {
            writer.flush();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("response stream already closed");
        }
    }
}
