package dev.berth.runtime.container.monitor;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.linux.LibcFileSyscalls;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The engine's end of one of conmon's parent pipes (_OCI_SYNCPIPE, _OCI_STARTPIPE, _OCI_ATTACHPIPE), made
 * from a named FIFO because a JVM cannot hand extra inherited fds to a child. We open the FIFO read-write:
 * that never blocks (fifo(7)), so the trampoline's own open does not block either and a conmon that dies
 * early cannot hang us; the price is that we never see end of file, so reads use timeouts and liveness checks.
 */
final class ParentPipe implements Closeable {
    private static final FileSyscalls MKNOD = new LibcFileSyscalls();

    /** The child's end of a parent pipe: the env var that names its fd, the FIFO, and whether the child writes it. */
    record ChildEnd(String envName, Path fifo, boolean childWrites) {}
    private final Path fifo;
    private final FileChannel channel;
    private final FileChannel writer;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile boolean reading;
    private volatile boolean closing;

    private ParentPipe(Path fifo, FileChannel channel, FileChannel writer) {
        this.fifo = fifo;
        this.channel = channel;
        this.writer = writer;
    }

    /** Creates the FIFO (replacing a stale one) and opens it. */
    static ParentPipe create(Path fifo) throws IOException {
        Files.deleteIfExists(fifo);
        // mknod(2) in-process: a mkfifo child process per pipe cost ~5 ms on every container start.
        MKNOD.mknod(fifo, FileSyscalls.S_IFIFO | 0600, 0);
        // Two opens: a FileChannel serialises reads and writes on one lock, and we must write (the start byte,
        // the wake-up byte) while our reader is blocked.
        FileChannel reader = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new ParentPipe(fifo, reader, FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    Path path() {
        return fifo;
    }

    /** Writes a byte, which is what conmon waits for on the start pipe. */
    void signal() throws IOException {
        writer.write(ByteBuffer.wrap(new byte[]{'0'}));
    }

    /**
     * Waits for conmon's next JSON line. {@code monitorAlive} is polled so a conmon that died without writing
     * turns into an error quickly instead of a full timeout.
     */
    SyncMessage next(Duration timeout, BooleanSupplier monitorAlive, String what) {
        startReader();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    return SyncMessage.parse(line);
                }
                if (!monitorAlive.getAsBoolean()) {
                    // Give a message written just before exit a last chance.
                    line = lines.poll(200, TimeUnit.MILLISECONDS);
                    if (line != null) {
                        return SyncMessage.parse(line);
                    }
                    throw new EngineException("conmon exited before reporting " + what);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for " + what, e);
        }
        throw new EngineException("conmon did not report " + what + " within " + timeout.toSeconds() + "s");
    }

    private synchronized void startReader() {
        if (reading) {
            return;
        }
        reading = true;
        // A platform daemon thread: it blocks in read(2) on the FIFO until close() wakes it.
        Thread.ofPlatform().daemon().name("conmon-pipe-" + fifo.getFileName()).start(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            try {
                while (!closing && channel.read(buf.clear()) > 0) {
                    for (int i = 0; i < buf.position(); i++) {
                        byte b = buf.get(i);
                        if (b == '\n') {
                            lines.add(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(b);
                        }
                    }
                }
            } catch (IOException e) {
                // closed by us: the session is over
            }
        });
    }

    @Override
    public void close() {
        closing = true;
        try {
            if (reading) {
                // Closing a FileChannel waits for a thread blocked in read(2) on it, and a FIFO read is not
                // reliably interrupted; since we hold the write side too, wake our reader with a byte of our own.
                writer.write(ByteBuffer.wrap(new byte[]{'\n'}));
            }
            channel.close();
            writer.close();
            Files.deleteIfExists(fifo);
        } catch (IOException ignored) {
            // a leftover FIFO in the bundle is removed with the bundle
        }
    }
}
