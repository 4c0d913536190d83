package dev.berth.runtime.image.reference;

import dev.berth.runtime.errors.InvalidArgumentException;

/** A string that is not a valid image reference; the message follows docker's wording. */
public class InvalidReferenceException extends InvalidArgumentException {
    public InvalidReferenceException(String message) {
        super(message);
    }
}
