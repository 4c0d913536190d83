package dev.berth.runtime.api.containers;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.ByteArrayOutputStream;

/** Parses docker's detach key spec ("ctrl-p,ctrl-q" by default, letters, "ctrl-@".."ctrl-_") into bytes. */
final class DetachKeys {
    private DetachKeys() {}

    static byte[] parse(String spec) {
        String s = spec == null || spec.isEmpty() ? "ctrl-p,ctrl-q" : spec;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String key : s.split(",")) {
            String k = key.trim().toLowerCase(java.util.Locale.ROOT);
            if (k.startsWith("ctrl-") && k.length() == 6) {
                char ch = k.charAt(5);
                if (ch >= 'a' && ch <= 'z') {
                    out.write(ch - 'a' + 1);
                } else if ("@[\\]^_".indexOf(ch) >= 0) {
                    out.write(switch (ch) {
                        case '@' -> 0;
                        case '[' -> 27;
                        case '\\' -> 28;
                        case ']' -> 29;
                        case '^' -> 30;
                        default -> 31;
                    });
                } else {
                    throw new InvalidArgumentException("Invalid detach keys (" + s + ") provided");
                }
            } else if (key.length() == 1) {
                out.write(key.charAt(0));
            } else {
                throw new InvalidArgumentException("Invalid detach keys (" + s + ") provided");
            }
        }
        return out.toByteArray();
    }
}
