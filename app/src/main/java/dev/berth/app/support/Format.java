package dev.berth.app.support;

import java.time.Duration;
import java.time.Instant;

/** Sizes and ages as people read them: "12.3 MB", "5 minutes ago". */
public final class Format {
    private Format() {}

    /** Decimal units, as the docker CLI prints sizes. */
    public static String bytes(long n) {
        return scaled(n, 1000, "kB", "MB", "GB", "TB", "PB");
    }

    /**
     * Binary units, as {@code docker stats} prints memory ("12.5 MiB / 1.94 GiB"): memory limits are set in powers of
     * two, and a person comparing with the CLI should see the same figure.
     */
    public static String memory(long n) {
        return scaled(n, 1024, "KiB", "MiB", "GiB", "TiB", "PiB");
    }

    /** {@code n} in the largest unit it reaches (steps of {@code base}), with three significant digits. */
    private static String scaled(long n, int base, String... units) {
        if (n < base) {
            return n + " B";
        }
        double v = n;
        int u = -1;
        while (v >= base && u < units.length - 1) {
            v /= base;
            u++;
        }
        return String.format(java.util.Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** How long before {@code now} {@code then} was, in the largest whole unit. */
    public static String age(Instant then, Instant now) {
        if (then == null || then.equals(Instant.EPOCH)) {
            return "";
        }
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 60) {
            return I18n.t("age.seconds", s);
        } else if (s < 3600) {
            return I18n.t("age.minutes", s / 60);
        } else if (s < 86400) {
            return I18n.t("age.hours", s / 3600);
        } else if (s < 86400L * 60) {
            return I18n.t("age.days", s / 86400);
        } else if (s < 86400L * 730) {
            return I18n.t("age.months", s / (86400L * 30));
        }
        return I18n.t("age.years", s / (86400L * 365));
    }

    /** The first 12 hex digits of an ID, without its "sha256:" prefix. */
    public static String shortId(String id) {
        String hex = id == null ? "" : id.replaceFirst("^sha256:", "");
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
