package dev.berth.runtime.api.http;

import dev.berth.runtime.errors.InvalidArgumentException;

/** A Docker API version such as 1.44, as found in a {@code /v1.44/} path prefix. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    /** The newest API version berthd speaks (moby v28's DefaultVersion). */
    public static final ApiVersion MAX = new ApiVersion(1, 51);
    /** The oldest API version berthd accepts (moby's MinSupportedAPIVersion; Testcontainers falls back to 1.32). */
    public static final ApiVersion MIN = new ApiVersion(1, 24);

    /** Parses "1.44"; anything else is an {@link InvalidArgumentException}. */
    public static ApiVersion parse(String text) {
        int dot = text.indexOf('.');
        try {
            if (dot <= 0 || dot == text.length() - 1) {
                throw new NumberFormatException(text);
            }
            return new ApiVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid API version: " + text);
        }
    }

    /** True if this version is {@code other} or newer, e.g. {@code version.atLeast("1.42")}. */
    public boolean atLeast(String other) {
        return compareTo(parse(other)) >= 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
