package dev.berth.runtime.container.links;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.regex.Pattern;

/**
 * One entry of {@code HostConfig.Links}: the container it names and the alias it is known by. Reads the forms
 * clients send ({@code db}, {@code db:database}) and the one inspect shows ({@code /db:/web/database}).
 */
public record LegacyLink(String target, String alias) {
    /** What Docker accepts as a container name, which an alias becomes part of ("/web/alias"). */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public static LegacyLink parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidArgumentException("invalid link: an empty link");
        }
        String[] parts = spec.split(":", -1);
        if (parts.length > 2 || parts[0].isBlank()) {
            throw new InvalidArgumentException("invalid link format: " + spec + " (use name:alias)");
        }
        String target = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
        String alias = parts.length == 2 ? parts[1] : target;
        // The inspect form names the alias by its full path, /parent/alias.
        alias = alias.substring(alias.lastIndexOf('/') + 1);
        if (!NAME.matcher(target).matches() || !NAME.matcher(alias).matches()) {
            throw new InvalidArgumentException("invalid link " + spec + ": names may hold [a-zA-Z0-9][a-zA-Z0-9_.-]");
        }
        return new LegacyLink(target, alias);
    }
}
