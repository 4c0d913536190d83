package dev.berth.runtime.errors;

/** Error for when something the request names does not exist; the API answers 404. */
public class NotFoundException extends EngineException {
    public NotFoundException(String message) {
        super(message);
    }
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
