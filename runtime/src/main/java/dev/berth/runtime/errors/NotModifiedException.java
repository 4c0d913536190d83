package dev.berth.runtime.errors;

/** Error for when the request asks for a state that already holds (start a running container); the API answers 304. */
public class NotModifiedException extends EngineException {
    public NotModifiedException(String message) {
        super(message);
    }
    public NotModifiedException(String message, Throwable cause) {
        super(message, cause);
    }
}
