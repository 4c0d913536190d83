package dev.berth.runtime.linux;

import java.io.IOException;

/** A failed system call, keeping its errno so callers can tell e.g. EINVAL ("not mounted") from real errors. */
public class FileSyscallsException extends IOException {
    public static final int EINVAL = 22;
    public static final int EBUSY = 16;

    private final int errno;

    public FileSyscallsException(String message, int errno, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
