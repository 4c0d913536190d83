package dev.berth.runtime.errors;

/** Error for when the request is malformed or names something invalid; the API answers 400. */
public class InvalidArgumentException extends EngineException {
    public InvalidArgumentException(String message) {
        super(message);
    }
    public InvalidArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
