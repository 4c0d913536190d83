package dev.berth.runtime.api.containers;

import dev.berth.runtime.container.monitor.AttachConnection;
import dev.berth.runtime.container.monitor.AttachFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Docker's output framing: with a TTY the bytes go as they are; without, each chunk gets moby's 8-byte
 * stdcopy header (stream 1 stdout / 2 stderr, three zero bytes, big-endian length).
 */
final class StreamFraming {
    private final OutputStream out;
    private final boolean multiplexed;

    StreamFraming(OutputStream out, boolean multiplexed) {
        this.out = out;
        this.multiplexed = multiplexed;
    }

    synchronized void write(int stream, byte[] data, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        if (multiplexed) {
            out.write(new byte[]{(byte) stream, 0, 0, 0, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8),
                    (byte) len});
        }
        out.write(data, off, len);
    }

    synchronized void write(int stream, byte[] data) throws IOException {
        write(stream, data, 0, data.length);
    }

    synchronized void flush() throws IOException {
        out.flush();
    }

    /**
     * Copies a container's (or an exec's) output to the client, the streams it asked for, until either side goes
     * away: attach and exec end their streams the same way then.
     */
    void copyFrom(AttachConnection conn, boolean stdout, boolean stderr) {
        try {
            Optional<AttachFrame> frame;
            while ((frame = conn.read()).isPresent()) {
                AttachFrame f = frame.get();
                if ((f.stream() == 1 && stdout) || (f.stream() == 2 && stderr)) {
                    write(f.stream(), f.data());
                    flush();
                }
            }
        } catch (IOException e) {
            // the client or the container went away: the stream ends either way
        }
    }
}
