package dev.berth.machine.bridge;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The kernel32 calls a named-pipe server needs, declared with native buffers: overlapped I/O keeps using a buffer
 * after the call returns, which jna-platform's {@code byte[]} signatures (copied for the call only) cannot allow.
 */
interface WindowsPipes extends StdCallLibrary {
    WindowsPipes K32 = Native.load("kernel32", WindowsPipes.class, W32APIOptions.DEFAULT_OPTIONS);

    int PIPE_ACCESS_DUPLEX = 0x00000003;
    int FILE_FLAG_OVERLAPPED = 0x40000000;
    int FILE_FLAG_FIRST_PIPE_INSTANCE = 0x00080000;
    int PIPE_TYPE_BYTE = 0x00000000;
    int PIPE_READMODE_BYTE = 0x00000000;
    int PIPE_WAIT = 0x00000000;
    int PIPE_REJECT_REMOTE_CLIENTS = 0x00000008;
    int PIPE_UNLIMITED_INSTANCES = 255;
    int ERROR_IO_PENDING = 997;
    int ERROR_PIPE_CONNECTED = 535;
    int ERROR_BROKEN_PIPE = 109;
    int ERROR_NO_DATA = 232;
    int ERROR_OPERATION_ABORTED = 995;

    WinNT.HANDLE CreateNamedPipe(String name, int openMode, int pipeMode, int maxInstances, int outBufferSize,
            int inBufferSize, int defaultTimeOut, WinBase.SECURITY_ATTRIBUTES securityAttributes);

    boolean ConnectNamedPipe(WinNT.HANDLE pipe, Pointer overlapped);

    boolean DisconnectNamedPipe(WinNT.HANDLE pipe);

    boolean ReadFile(WinNT.HANDLE file, Pointer buffer, int toRead, IntByReference read, Pointer overlapped);

    boolean WriteFile(WinNT.HANDLE file, Pointer buffer, int toWrite, IntByReference written, Pointer overlapped);

    boolean GetOverlappedResult(WinNT.HANDLE file, Pointer overlapped, IntByReference transferred, boolean wait);

    boolean CancelIoEx(WinNT.HANDLE file, Pointer overlapped);

    WinNT.HANDLE CreateEvent(WinBase.SECURITY_ATTRIBUTES attributes, boolean manualReset, boolean initialState,
            String name);

    boolean CloseHandle(WinNT.HANDLE handle);

    int GetLastError();
}
