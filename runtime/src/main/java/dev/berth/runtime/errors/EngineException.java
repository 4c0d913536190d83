package dev.berth.runtime.errors;

/**
 * Base of the engine's domain errors. Services throw these; the API layer maps each kind to a
 * Docker status code (like moby's errdefs), so services never know about HTTP.
 */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
