package dev.berth.runtime.storage;

import dev.berth.runtime.errors.InvalidArgumentException;

/** A layer tar the store refuses: malformed, or with an entry that would land outside the layer. */
public class InvalidLayerException extends InvalidArgumentException {
    public InvalidLayerException(String message) {
        super(message);
    }
    public InvalidLayerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The refusal of one tar entry, naming it so the user can find it in the image. */
    static InvalidLayerException entry(String entryName, String reason) {
        return new InvalidLayerException("refusing layer entry \"" + entryName + "\": " + reason);
    }
}
