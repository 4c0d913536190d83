package dev.berth.runtime.api.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes messages to a channel from a handler's thread, blocking while the channel is not writable so
 * that a slow client slows the producer instead of filling memory. Woken by writability and close events.
 */
final class ChannelWriter {
    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    ChannelWriter(Channel channel) {
        this.channel = channel;
    }

    /** Event loop: writability or liveness changed. */
    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code msg} once the channel can take it; throws if the client went away. */
    ChannelFuture write(Object msg, boolean flush) throws IOException {
        try {
            awaitWritable();
        } catch (IOException e) {
            io.netty.util.ReferenceCountUtil.release(msg);
            throw e;
        }
        return flush ? channel.writeAndFlush(msg) : channel.write(msg);
    }

    void flush() throws IOException {
        ensureOpen();
        channel.flush();
    }

    /** Waits for a write to reach the socket; a failed write becomes an IOException. */
    static void await(ChannelFuture future) throws IOException {
        try {
            future.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing to the client");
        }
        if (!future.isSuccess()) {
            throw new IOException("client went away", future.cause());
        }
    }

    private void awaitWritable() throws IOException {
        lock.lock();
        try {
            while (true) {
                ensureOpen();
                if (channel.isWritable()) {
                    return;
                }
                // Flush what is pending so that writability can come back at all.
                channel.flush();
                changed.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing to the client");
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() throws IOException {
        if (!channel.isActive()) {
            throw new IOException("client went away");
        }
    }
}
