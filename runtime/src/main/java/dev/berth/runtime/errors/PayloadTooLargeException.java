package dev.berth.runtime.errors;

/** Error for a request body larger than berthd accepts for its kind; the API answers 413. */
public class PayloadTooLargeException extends EngineException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
