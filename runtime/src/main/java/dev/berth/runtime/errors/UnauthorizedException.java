package dev.berth.runtime.errors;

/** Error for when a registry refused the credentials; the API answers 401. */
public class UnauthorizedException extends EngineException {
    public UnauthorizedException(String message) {
        super(message);
    }
    public UnauthorizedException(String message, Throwable cause) {
        super(message, cause);
    }
}
