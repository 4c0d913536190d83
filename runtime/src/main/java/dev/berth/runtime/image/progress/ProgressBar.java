package dev.berth.runtime.image.progress;

import java.util.Locale;

/** Renders a transfer as Docker's text progress bar: {@code [=====>     ]  1.2MB/3.4MB}. */
public final class ProgressBar {
    private static final int WIDTH = 50;

    private ProgressBar() {}

    /** The bar for {@code current} of {@code total} bytes; just the count when the total is unknown. */
    public static String render(long current, long total) {
        if (total <= 0) {
            return humanSize(current);
        }
        int filled = (int) Math.min(WIDTH, current * WIDTH / total);
        StringBuilder bar = new StringBuilder("[");
        bar.append("=".repeat(Math.max(0, filled - 1)));
        bar.append(filled > 0 ? ">" : "");
        bar.append(" ".repeat(WIDTH - Math.max(filled, 0)));
        return bar.append("] ").append(String.format(Locale.ROOT, "%8s/%s", humanSize(current), humanSize(total)))
                .toString();
    }

    /** Sizes in decimal units as docker prints them (go-units HumanSize): 1.23MB. */
    public static String humanSize(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString()
                + units[unit];
    }
}
