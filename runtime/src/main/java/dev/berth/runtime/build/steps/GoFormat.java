package dev.berth.runtime.build.steps;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's formats where Docker's output and inputs use them: {@code %q} of a string list, and durations like {@code 1m30s}. */
final class GoFormat {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoFormat() {}

    /** {@code ["a" "b c"]}, as Go prints a []string with %q (moby's history text for CMD and ENTRYPOINT). */
    static String quoted(List<String> list) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append('"');
            for (char c : list.get(i).toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }

    /** A Go duration ({@code 30s}, {@code 1m30s}, {@code 500ms}) in nanoseconds; {@code 0} is zero. */
    static long durationNanos(String text, String what) {
        String t = text.strip();
        if (t.equals("0")) {
            return 0;
        }
        Matcher m = DURATION_PART.matcher(t);
        int pos = 0;
        double nanos = 0;
        while (pos < t.length() && m.find(pos) && m.start() == pos) {
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            pos = m.end();
        }
        if (pos != t.length() || t.isEmpty()) {
            throw new InvalidArgumentException("invalid duration for " + what + ": " + text);
        }
        return (long) nanos;
    }
}
