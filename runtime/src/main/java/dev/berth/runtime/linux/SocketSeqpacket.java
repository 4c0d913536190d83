package dev.berth.runtime.linux;

import com.sun.jna.LastErrorException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connected unix-domain SOCK_SEQPACKET socket. The JDK's unix channels are stream-only, and
 * conmon's attach socket keeps message boundaries (one packet = one stdio chunk with a stream byte).
 */
public final class SocketSeqpacket implements Closeable {
    /** sun_path is 108 bytes including the terminating NUL (unix(7)). */
    public static final int MAX_PATH_BYTES = 107;
    private static final int EINTR = 4;

    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SocketSeqpacket(int fd) {
        this.fd = fd;
    }

    /**
     * Connects to the socket file at {@code path}. A path longer than sun_path allows is reached through
     * {@code /proc/self/fd/<dir fd>/<name>}, the way conmon and podman address long bundle paths.
     */
    public static SocketSeqpacket connect(Path path) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length <= MAX_PATH_BYTES) {
            return connectShort(path, name);
        }
        int dir;
        try {
            dir = SocketCalls.LIBC.open(path.getParent().toString(),
                    SocketCalls.O_PATH | SocketCalls.O_DIRECTORY | SocketCalls.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("cannot open " + path.getParent() + ": errno " + e.getErrorCode(), e);
        }
        try {
            Path viaFd = Path.of("/proc/self/fd/" + dir, path.getFileName().toString());
            byte[] shortName = viaFd.toString().getBytes(StandardCharsets.UTF_8);
            if (shortName.length > MAX_PATH_BYTES) {
                throw new IOException("socket name too long even through /proc/self/fd: " + path);
            }
            return connectShort(path, shortName);
        } finally {
            SocketCalls.LIBC.close(dir);
        }
    }

    private static SocketSeqpacket connectShort(Path path, byte[] name) throws IOException {
        // struct sockaddr_un { sa_family_t sun_family (u16, little-endian on our targets); char sun_path[108]; }
        byte[] address = new byte[2 + 108];
        address[0] = (byte) SocketCalls.AF_UNIX;
        System.arraycopy(name, 0, address, 2, name.length);
        int fd;
        try {
            fd = SocketCalls.LIBC.socket(SocketCalls.AF_UNIX, SocketCalls.SOCK_SEQPACKET | SocketCalls.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("socket(AF_UNIX, SOCK_SEQPACKET): errno " + e.getErrorCode(), e);
        }
        try {
            SocketCalls.LIBC.connect(fd, address, 2 + name.length + 1);
        } catch (LastErrorException e) {
            SocketCalls.LIBC.close(fd);
            throw new IOException("cannot connect to " + path + ": errno " + e.getErrorCode(), e);
        }
        return new SocketSeqpacket(fd);
    }

    /** Reads one packet into {@code buffer}; returns its length, or -1 at end of stream. */
    public int read(byte[] buffer) throws IOException {
        while (true) {
            try {
                long n = SocketCalls.LIBC.read(fd, buffer, buffer.length);
                return n == 0 ? -1 : (int) n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINTR) {
                    continue;
                }
                if (closed.get()) {
                    return -1;
                }
                throw new IOException("read from seqpacket socket: errno " + e.getErrorCode(), e);
            }
        }
    }

    /** Sends {@code length} bytes from {@code offset} as one packet. */
    public void write(byte[] data, int offset, int length) throws IOException {
        byte[] packet = offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length);
        try {
            long n = SocketCalls.LIBC.write(fd, packet, packet.length);
            if (n != packet.length) {
                throw new IOException("short write on seqpacket socket: " + n + " of " + packet.length);
            }
        } catch (LastErrorException e) {
            throw new IOException("write to seqpacket socket: errno " + e.getErrorCode(), e);
        }
    }

    /** Half-closes the socket: the peer sees end of input (conmon then closes the container's stdin if asked to). */
    public void shutdownOutput() throws IOException {
        try {
            SocketCalls.LIBC.shutdown(fd, SocketCalls.SHUT_WR);
        } catch (LastErrorException e) {
            throw new IOException("shutdown(SHUT_WR): errno " + e.getErrorCode(), e);
        }
    }

    /** Closes the socket; a thread blocked in {@link #read} is woken by the shutdown first. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                // close() alone does not wake a reader blocked on this fd; shutdown() does.
                SocketCalls.LIBC.shutdown(fd, SocketCalls.SHUT_RDWR);
            } catch (LastErrorException ignored) {
                // already disconnected
            }
            SocketCalls.LIBC.close(fd);
        }
    }
}
