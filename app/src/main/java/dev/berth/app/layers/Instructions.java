package dev.berth.app.layers;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a history entry's {@code CreatedBy} read like the Dockerfile line it came from. The classic builder wrote
 * {@code /bin/sh -c #(nop)  CMD ["sh"]} for metadata and {@code /bin/sh -c apk add …} for RUN; BuildKit writes
 * {@code RUN /bin/sh -c apk add … # buildkit} or {@code CMD ["sh"]}.
 */
public final class Instructions {
    /** Instructions that only change the image's configuration and never make a layer. */
    private static final Set<String> METADATA = Set.of("ENV", "LABEL", "CMD", "ENTRYPOINT", "EXPOSE", "USER", "ARG",
            "VOLUME", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "ONBUILD", "MAINTAINER");
    private static final Pattern NOP = Pattern.compile("^/bin/sh -c #\\(nop\\)\\s*");
    private static final Pattern SHELL_RUN = Pattern.compile("^(\\|\\d+ .*?)?/bin/sh -c\\s+");

    private Instructions() {}

    /** The instruction as a person would write it in a Dockerfile. */
    public static String readable(String createdBy) {
        String s = createdBy == null ? "" : createdBy.strip();
        s = s.replaceFirst("\\s*# buildkit$", "");
        if (NOP.matcher(s).find()) {
            return NOP.matcher(s).replaceFirst("").strip();
        }
        if (SHELL_RUN.matcher(s).find()) {
            return "RUN " + SHELL_RUN.matcher(s).replaceFirst("").strip();
        }
        return s;
    }

    /** True when the instruction cannot have made a layer (ENV, CMD, LABEL…). */
    public static boolean isMetadata(String createdBy) {
        String word = readable(createdBy).split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return METADATA.contains(word);
    }
}
