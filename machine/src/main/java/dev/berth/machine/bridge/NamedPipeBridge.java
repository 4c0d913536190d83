package dev.berth.machine.bridge;

import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * The engine's named pipe on Windows ({@code \\.\pipe\berth_engine}, {@code npipe:////./pipe/berth_engine} to the
 * docker CLI): each client connection is joined to the guest's engine like {@link SocketBridge}'s. Remote clients
 * are refused (PIPE_REJECT_REMOTE_CLIENTS), and the pipe's default security lets only its owner, administrators and
 * the system open it for writing. One platform thread per connection: blocking native calls would pin the carrier
 * threads of virtual ones.
 */
public final class NamedPipeBridge implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("berth.machine");
    private static final WindowsPipes K32 = WindowsPipes.K32;
    /** The pipe Berth serves; Docker Desktop's is docker_engine, left alone. */
    public static final String DEFAULT_PIPE = "\\\\.\\pipe\\berth_engine";

    private final String name;
    private final SocketBridge.Guest guest;
    private volatile boolean closed;
    private volatile WinNT.HANDLE waiting;

    private NamedPipeBridge(String name, SocketBridge.Guest guest) {
        this.name = name;
        this.guest = guest;
    }

    /** Serves {@code name}; fails if another process already serves it. */
    public static NamedPipeBridge start(String name, SocketBridge.Guest guest) throws IOException {
        NamedPipeBridge bridge = new NamedPipeBridge(name, guest);
        WinNT.HANDLE first = bridge.instance(true);
        Thread.ofPlatform().daemon().name("pipe-accept").start(() -> bridge.acceptLoop(first));
        return bridge;
    }

    /** The docker CLI's address for the pipe. */
    public static String dockerHost(String name) {
        return "npipe://" + name.replace('\\', '/');
    }

    private WinNT.HANDLE instance(boolean first) throws IOException {
        int open = WindowsPipes.PIPE_ACCESS_DUPLEX | WindowsPipes.FILE_FLAG_OVERLAPPED
                | (first ? WindowsPipes.FILE_FLAG_FIRST_PIPE_INSTANCE : 0);
        int mode = WindowsPipes.PIPE_TYPE_BYTE | WindowsPipes.PIPE_READMODE_BYTE | WindowsPipes.PIPE_WAIT
                | WindowsPipes.PIPE_REJECT_REMOTE_CLIENTS;
        WinNT.HANDLE h = K32.CreateNamedPipe(name, open, mode, WindowsPipes.PIPE_UNLIMITED_INSTANCES, 64 * 1024,
                64 * 1024, 0, null);
        if (h == null || WinBase.INVALID_HANDLE_VALUE.equals(h)) {
            throw new IOException("cannot serve " + name + " (error " + K32.GetLastError()
                    + (first ? "; is another Berth VM or engine serving it?" : "") + ")");
        }
        return h;
    }

    private void acceptLoop(WinNT.HANDLE first) {
        WinNT.HANDLE next = first;
        while (!closed) {
            try {
                waiting = next;
                awaitClient(next);
                WinNT.HANDLE connected = next;
                next = instance(false); // the next client gets a fresh instance while this one is served
                Thread.ofPlatform().daemon().name("pipe-conn").start(() -> serve(new PipeChannel(connected)));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "engine pipe: " + e.getMessage());
                }
                return;
            }
        }
    }

    private static void awaitClient(WinNT.HANDLE pipe) throws IOException {
        WinBase.OVERLAPPED ov = new WinBase.OVERLAPPED();
        ov.hEvent = K32.CreateEvent(null, true, false, null);
        ov.write();
        try {
            if (K32.ConnectNamedPipe(pipe, ov.getPointer())) {
                return;
            }
            int error = K32.GetLastError();
            if (error == WindowsPipes.ERROR_PIPE_CONNECTED) {
                return;
            }
            if (error != WindowsPipes.ERROR_IO_PENDING) {
                throw new IOException("waiting for a client failed: error " + error);
            }
            if (!K32.GetOverlappedResult(pipe, ov.getPointer(), new IntByReference(), true)) {
                throw new IOException("waiting for a client failed: error " + K32.GetLastError());
            }
        } finally {
            K32.CloseHandle(ov.hEvent);
        }
    }

    private void serve(PipeChannel client) {
        try (client; SocketChannel guestSide = guest.ready().connect()) {
            Pump.both(client, guestSide, () -> {}, Thread.ofPlatform().daemon());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "engine pipe: cannot reach the engine in the VM: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        WinNT.HANDLE h = waiting;
        if (h != null) {
            K32.CancelIoEx(h, null);
            K32.CloseHandle(h);
        }
    }
}
