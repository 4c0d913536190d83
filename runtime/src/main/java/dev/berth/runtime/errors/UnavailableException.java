package dev.berth.runtime.errors;

/** Error for a feature this engine's state does not offer now (Swarm on a node outside a swarm); the API answers 503. */
public class UnavailableException extends EngineException {
    public UnavailableException(String message) {
        super(message);
    }
}
