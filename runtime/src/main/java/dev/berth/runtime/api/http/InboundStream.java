package dev.berth.runtime.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes arriving on a connection (a request body, or a hijacked stream) read by a blocking handler.
 * The event loop offers buffers; when more than {@link #HIGH_WATER} bytes wait, it stops reading from the
 * socket (autoRead off) and resumes once the handler has caught up, so a multi-GB upload never piles up in memory.
 */
final class InboundStream extends InputStream {
    static final int HIGH_WATER = 1 << 20;
    static final int LOW_WATER = 256 << 10;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private long queued;
    private boolean ended;
    private boolean discarding;
    private IOException failure;
    private boolean paused;

    InboundStream(Channel channel) {
        this.channel = channel;
    }

    /** Event loop: more bytes (ownership passes to this stream). */
    void offer(ByteBuf buf) {
        lock.lock();
        try {
            if (ended || discarding || failure != null || !buf.isReadable()) {
                buf.release();
                return;
            }
            queue.add(buf);
            queued += buf.readableBytes();
            if (queued > HIGH_WATER && !paused) {
                paused = true;
                channel.config().setAutoRead(false);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Event loop: no more bytes will come (end of body, or the peer half-closed). */
    void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Event loop: the connection broke before the end. */
    void fail(IOException e) {
        lock.lock();
        try {
            if (!ended) {
                failure = e;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once the end has been received. */
    boolean ended() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is queued and whatever else arrives: the handler is done and will not read the rest. */
    void discard() {
        lock.lock();
        try {
            discarding = true;
            releaseQueued();
            resumeIfPaused();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void releaseQueued() {
        ByteBuf b;
        while ((b = queue.poll()) != null) {
            b.release();
        }
        queued = 0;
    }

    private void resumeIfPaused() {
        if (paused) {
            paused = false;
            channel.config().setAutoRead(true);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                if (ended || discarding) {
                    return -1;
                }
                changed.await();
            }
            ByteBuf head = queue.peek();
            int n = Math.min(len, head.readableBytes());
            head.readBytes(dst, off, n);
            if (!head.isReadable()) {
                queue.poll().release();
            }
            queued -= n;
            if (queued < LOW_WATER) {
                resumeIfPaused();
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading from the client");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, queued);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        discard();
    }
}
