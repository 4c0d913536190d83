package dev.berth.app.networks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks an IPv4 subnet in CIDR form before it reaches the engine, so the dialog can say what is wrong. */
final class Subnets {
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private Subnets() {}

    /** Whether {@code s} is "a.b.c.d/n" with octets 0..255 and n 8..30 (smaller networks leave no room for hosts). */
    static boolean valid(String s) {
        Matcher m = CIDR.matcher(s);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        int prefix = Integer.parseInt(m.group(5));
        return prefix >= 8 && prefix <= 30;
    }
}
