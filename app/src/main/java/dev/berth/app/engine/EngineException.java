package dev.berth.app.engine;

/** A failed engine call. The message is plain words meant for a person (the engine's own message when it sent one). */
public final class EngineException extends RuntimeException {
    private final int status;

    public EngineException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the engine answered with, or 0 if it was not reached. */
    public int status() {
        return status;
    }
}
