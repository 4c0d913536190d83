package dev.berth.runtime.digest;

import dev.berth.runtime.errors.EngineException;

/** Raised when downloaded or loaded bytes do not hash to the digest (or size) they were announced with. */
public class DigestMismatchException extends EngineException {
    public DigestMismatchException(String message) {
        super(message);
    }
}
