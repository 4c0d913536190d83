package dev.berth.runtime.container.model;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.Locale;

/** Docker's human sizes ("10m", "1g", "512k") in bytes, binary units like go-units RAMInBytes. */
public final class Units {
    private Units() {}

    public static long parseBytes(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?")
                .matcher(s);
        if (!m.matches()) {
            throw new InvalidArgumentException("invalid size: '" + text + "'");
        }
        double v = Double.parseDouble(m.group(1));
        int power = "bkmgtp".indexOf(m.group(2).isEmpty() ? "b" : m.group(2));
        return (long) (v * Math.pow(1024, power));
    }

    /**
     * Docker's decimal sizes (go-units FromHumanSize, used for log max-size): k = 1000, an optional "i" and "b"
     * change nothing ("10KiB" is 10000 too, as in docker).
     */
    public static long parseDecimalBytes(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp]?)i?b?").matcher(s);
        if (!m.matches()) {
            throw new InvalidArgumentException("invalid size: '" + text + "'");
        }
        double v = Double.parseDouble(m.group(1));
        int power = "bkmgtp".indexOf(m.group(2).isEmpty() ? "b" : m.group(2));
        return (long) (v * Math.pow(1000, power));
    }
}
