package dev.berth.runtime.errors;

/** Error for when the operation is not allowed; the API answers 403. */
public class ForbiddenException extends EngineException {
    public ForbiddenException(String message) {
        super(message);
    }
    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
