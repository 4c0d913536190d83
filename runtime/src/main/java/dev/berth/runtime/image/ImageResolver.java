package dev.berth.runtime.image;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.ImageStore;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds an image the way the docker CLI names it: a reference ({@code busybox}, {@code busybox:1},
 * {@code host:5000/x@sha256:…}), a full ID ({@code sha256:…}) or a unique short ID prefix.
 */
public final class ImageResolver {
    private static final Pattern HEX_PREFIX = Pattern.compile("(sha256:)?[a-f0-9]{1,64}");

    private final ImageStore store;

    public ImageResolver(ImageStore store) {
        this.store = store;
    }

    /** The image, or a 404 "No such image: …" like dockerd's. */
    public ImageRecord resolve(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new NotFoundException("No such image: " + nameOrId));
    }

    /** The image if any; invalid names simply find nothing. */
    public Optional<ImageRecord> find(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        if (nameOrId.startsWith("sha256:") && Digest.isDigest(nameOrId)) {
            return store.byId(Digest.parse(nameOrId));
        }
        Optional<ImageReference> ref = parseReference(nameOrId);
        if (ref.isPresent()) {
            Optional<ImageRecord> byRef = store.byReference(ref.get().withDefaultTag().familiarString());
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        if (HEX_PREFIX.matcher(nameOrId).matches()) {
            return store.byIdPrefix(nameOrId);
        }
        return Optional.empty();
    }

    /** Parses a reference, or nothing if the text is not one (it may still be an ID). */
    public static Optional<ImageReference> parseReference(String text) {
        try {
            return Optional.of(ImageReference.parse(text));
        } catch (InvalidArgumentException e) {
            return Optional.empty();
        }
    }
}
