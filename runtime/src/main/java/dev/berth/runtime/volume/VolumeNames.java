package dev.berth.runtime.volume;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Volume names as Docker's local driver accepts them, and the random names of anonymous volumes. */
public final class VolumeNames {
    /** moby's {@code RestrictedNamePattern}: at least two characters, starting with a letter or digit. */
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VolumeNames() {}

    /** True if {@code name} is a valid local volume name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Throws an InvalidArgumentException worded as dockerd's if {@code name} is not valid. */
    public static void validate(String name) {
        if (name != null && name.length() == 1) {
            throw new InvalidArgumentException(
                    "volume name is too short, names should be at least two alphanumeric characters");
        }
        if (!isValid(name)) {
            throw new InvalidArgumentException("\"" + name
                    + "\" includes invalid characters for a local volume name, only "
                    + "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        }
    }

    /** A fresh 64-hex name, as dockerd gives anonymous volumes. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
