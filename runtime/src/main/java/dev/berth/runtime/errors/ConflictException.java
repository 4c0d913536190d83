package dev.berth.runtime.errors;

/** Error for when the request conflicts with the current state (name in use, image in use); the API answers 409. */
public class ConflictException extends EngineException {
    public ConflictException(String message) {
        super(message);
    }
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
