package dev.berth.runtime.container.monitor;

import dev.berth.runtime.linux.SocketSeqpacket;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A client of conmon's attach socket: read output frames, write raw stdin, half-close for stdin EOF.
 * Several clients may attach at once; each gets all output produced while it is connected (not what came
 * before: that is in the log).
 */
public final class AttachConnection implements Closeable {
    /** conmon's packets are at most 8 KiB of data plus the stream byte (config.h STDIO_BUF_SIZE). */
    private static final int MAX_PACKET = 8192 + 1;
    private final SocketSeqpacket socket;
    private final byte[] buffer = new byte[MAX_PACKET * 4];

    private AttachConnection(SocketSeqpacket socket) {
        this.socket = socket;
    }

    /** Connects to {@code socket} (a container's or an exec session's {@code attach}). */
    public static AttachConnection connect(Path socket) throws IOException {
        return new AttachConnection(SocketSeqpacket.connect(socket));
    }

    /** The next output frame; empty when conmon closed the connection (the process has exited). */
    public Optional<AttachFrame> read() throws IOException {
        while (true) {
            int n = socket.read(buffer);
            if (n < 0) {
                return Optional.empty();
            }
            if (n > 1) {
                return Optional.of(AttachFrame.decode(buffer, n));
            }
            // a packet with only the stream byte carries nothing; read on
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
        socket.close();
    }
}
