package dev.berth.runtime.api.http;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path split into its optional {@code /v1.NN} prefix and the route path, with the version
 * checked against what berthd supports (moby's version middleware). No prefix means the newest version.
 */
public record VersionedPath(ApiVersion version, String path) {
    private static final Pattern PREFIX = Pattern.compile("/v([0-9.]+)(/.*)");

    /** Splits {@code rawPath}; a version outside [{@link ApiVersion#MIN}, {@link ApiVersion#MAX}] is an InvalidArgumentException. */
    public static VersionedPath parse(String rawPath) {
        Matcher m = PREFIX.matcher(rawPath);
        if (!m.matches()) {
            return new VersionedPath(ApiVersion.MAX, rawPath);
        }
        ApiVersion v = ApiVersion.parse(m.group(1));
        if (v.compareTo(ApiVersion.MIN) < 0) {
            throw new InvalidArgumentException(
                    "client version " + m.group(1) + " is too old. Minimum supported API version is "
                            + ApiVersion.MIN + ", please upgrade your client to a newer version");
        }
        if (v.compareTo(ApiVersion.MAX) > 0) {
            throw new InvalidArgumentException(
                    "client version " + m.group(1) + " is too new. Maximum supported API version is "
                            + ApiVersion.MAX);
        }
        return new VersionedPath(v, m.group(2));
    }
}
