package dev.berth.runtime.container.monitor;

import dev.berth.runtime.linux.SocketSeqpacket;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of conmon's attach socket: read output frames, write raw stdin, half-close for stdin EOF.
 * Several clients may attach at once; each gets all output produced while it is connected (not what came
 * before: that is in the log).
 *
 * <p>The socket is read by a platform thread of its own, handing frames over through a small queue: recv(2)
 * through JNA blocks the carrier of a virtual thread, and with one carrier per core two open terminals froze
 * the whole engine. The queue is bounded, so a slow client still slows the reader (and conmon) down.
 */
public final class AttachConnection implements Closeable {
    /** conmon's packets are at most 8 KiB of data plus the stream byte (config.h STDIO_BUF_SIZE). */
    private static final int MAX_PACKET = 8192 + 1;
    private static final Object END = new Object();
    private final SocketSeqpacket socket;
    private final BlockingQueue<Object> frames = new ArrayBlockingQueue<>(16);
    private volatile boolean reading;
    private volatile boolean closed;
    private boolean ended;

    private AttachConnection(SocketSeqpacket socket) {
        this.socket = socket;
    }

    /** Connects to {@code socket} (a container's or an exec session's {@code attach}). */
    public static AttachConnection connect(Path socket) throws IOException {
        return new AttachConnection(SocketSeqpacket.connect(socket));
    }

    /** The next output frame; empty when conmon closed the connection (the process has exited). */
    public Optional<AttachFrame> read() throws IOException {
        if (ended) {
            return Optional.empty();
        }
        startReader();
        Object item;
        try {
            item = frames.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the attach socket", e);
        }
        if (item instanceof AttachFrame f) {
            return Optional.of(f);
        }
        ended = true;
        if (item instanceof IOException e) {
            throw e;
        }
        return Optional.empty();
    }

    private void startReader() {
        if (reading) {
            return;
        }
        reading = true;
        Thread.ofPlatform().daemon().name("attach-reader").start(() -> {
            byte[] buffer = new byte[MAX_PACKET * 4];
            Object last = END;
            try {
                while (!closed) {
                    int n = socket.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    if (n > 1) { // a packet with only the stream byte carries nothing
                        hand(AttachFrame.decode(buffer, n));
                    }
                }
            } catch (IOException e) {
                last = e;
            }
            hand(last);
        });
    }

    /** Queues {@code item} for the consumer; gives up once the connection is closed (nobody will take it). */
    private void hand(Object item) {
        try {
            while (!closed && !frames.offer(item, 200, TimeUnit.MILLISECONDS)) {
                // the consumer is slow: wait, which slows conmon's output to this client down too
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends bytes to the process's stdin (needs the container started with open stdin). */
    public void write(byte[] data) throws IOException {
        for (int off = 0; off < data.length; off += 8192) {
            socket.write(data, off, Math.min(8192, data.length - off));
        }
    }

    /** Signals end of stdin. */
    public void closeStdin() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}
