package dev.berth.runtime.image.store;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.digest.Digest;

/**
 * The little the store needs to know about familiar references: which are tags and which are digests.
 * Full parsing and normalization belong to the caller's reference parser; this only refuses what would
 * make the index wrong.
 */
final class References {
    private References() {}

    /** True for {@code name@sha256:...}. */
    static boolean isDigestRef(String ref) {
        return ref.indexOf('@') >= 0;
    }

    /** Checks {@code name:tag}, where the tag follows the last slash (so a registry port is not a tag). */
    static String requireTag(String ref) {
        requirePlain(ref);
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (isDigestRef(ref) || colon <= slash + 1 || colon == ref.length() - 1) {
            throw new InvalidArgumentException("invalid tag reference \"" + ref + "\": expected name:tag");
        }
        return ref;
    }

    /** Checks {@code name@algorithm:hex}. */
    static String requireDigestRef(String ref) {
        requirePlain(ref);
        int at = ref.indexOf('@');
        if (at <= 0 || !Digest.isDigest(ref.substring(at + 1))) {
            throw new InvalidArgumentException("invalid digest reference \"" + ref + "\": expected name@sha256:<hex>");
        }
        return ref;
    }

    /** The digest of a digest reference. */
    static Digest digestOf(String digestRef) {
        return Digest.parse(digestRef.substring(digestRef.indexOf('@') + 1));
    }

    private static void requirePlain(String ref) {
        if (ref == null || ref.isBlank() || ref.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new InvalidArgumentException("invalid reference \"" + ref + "\"");
        }
    }
}
