package dev.berth.app.support;

import java.util.regex.Pattern;

/** Words for a POSIX shell, as the equivalent {@code docker run} and {@code docker build} lines print them. */
public final class ShellQuote {
    /** Characters a shell word can hold without quotes. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private ShellQuote() {}

    /** A word as a shell needs it: unchanged when safe, else in single quotes ({@code '} written as {@code '\''}). */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
