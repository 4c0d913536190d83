package dev.berth.machine.bridge;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;

/**
 * One connected instance of a named pipe as a {@link ByteChannel}, with overlapped I/O so that a read waiting for
 * the client does not hold up a write to it (synchronous pipe handles serialise the two). Reads and writes each
 * have their own native buffer and event; one reader and one writer thread may use it at once.
 */
final class PipeChannel implements ByteChannel {
    private static final int BUFFER = 64 * 1024;
    private static final WindowsPipes K32 = WindowsPipes.K32;

    private final WinNT.HANDLE pipe;
    private final Direction reads = new Direction();
    private final Direction writes = new Direction();
    private volatile boolean open = true;

    /** A buffer, an OVERLAPPED and its event, for one direction. */
    private static final class Direction {
        final Memory buffer = new Memory(BUFFER);
        final WinBase.OVERLAPPED overlapped = new WinBase.OVERLAPPED();
        final WinNT.HANDLE event = K32.CreateEvent(null, true, false, null);

        Direction() {
            overlapped.hEvent = event;
            overlapped.write();
        }
    }

    PipeChannel(WinNT.HANDLE pipe) {
        this.pipe = pipe;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int want = Math.min(dst.remaining(), BUFFER);
        IntByReference n = new IntByReference();
        if (!K32.ReadFile(pipe, reads.buffer, want, n, reads.overlapped.getPointer())) {
            int error = K32.GetLastError();
            if (error == WindowsPipes.ERROR_BROKEN_PIPE) {
                return -1;
            }
            if (error != WindowsPipes.ERROR_IO_PENDING) {
                throw new IOException("reading the pipe failed: error " + error);
            }
            if (!K32.GetOverlappedResult(pipe, reads.overlapped.getPointer(), n, true)) {
                int after = K32.GetLastError();
                if (after == WindowsPipes.ERROR_BROKEN_PIPE || after == WindowsPipes.ERROR_OPERATION_ABORTED) {
                    return -1;
                }
                throw new IOException("reading the pipe failed: error " + after);
            }
        }
        if (n.getValue() == 0) {
            return 0;
        }
        dst.put(reads.buffer.getByteArray(0, n.getValue()));
        return n.getValue();
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int count = Math.min(src.remaining(), BUFFER);
        byte[] bytes = new byte[count];
        src.get(bytes);
        writes.buffer.write(0, bytes, 0, count);
        IntByReference n = new IntByReference();
        if (!K32.WriteFile(pipe, writes.buffer, count, n, writes.overlapped.getPointer())) {
            int error = K32.GetLastError();
            if (error != WindowsPipes.ERROR_IO_PENDING) {
                throw new IOException("writing to the pipe failed: error " + error);
            }
            if (!K32.GetOverlappedResult(pipe, writes.overlapped.getPointer(), n, true)) {
                throw new IOException("writing to the pipe failed: error " + K32.GetLastError());
            }
        }
        // A byte-mode pipe takes the whole write or fails; anything short is put back for the caller's loop.
        if (n.getValue() < count) {
            src.position(src.position() - (count - n.getValue()));
        }
        return n.getValue();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        K32.CancelIoEx(pipe, null);
        K32.DisconnectNamedPipe(pipe);
        K32.CloseHandle(pipe);
        K32.CloseHandle(reads.event);
        K32.CloseHandle(writes.event);
    }
}
