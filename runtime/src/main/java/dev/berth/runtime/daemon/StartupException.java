package dev.berth.runtime.daemon;

/** berthd cannot start; the message says why in words an operator can act on. */
public final class StartupException extends Exception {
    private final int exitCode;

    public StartupException(String message) {
        this(message, 1, null);
    }

    public StartupException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public StartupException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit status: 2 for bad usage, 1 otherwise. */
    public int exitCode() {
        return exitCode;
    }
}
