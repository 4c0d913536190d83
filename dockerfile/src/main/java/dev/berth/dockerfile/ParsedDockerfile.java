package dev.berth.dockerfile;

import java.util.List;

/**
 * A parsed Dockerfile.
 *
 * @param escape   the escape character ({@code \} or {@code `})
 * @param syntax   the {@code # syntax=} directive, or null; berthd builds every Dockerfile itself and only reports it
 * @param nodes    the instructions in order
 * @param warnings what was accepted but deserves a word (empty continuation lines, an ignored syntax directive)
 */
public record ParsedDockerfile(char escape, String syntax, List<Node> nodes, List<String> warnings) {
    public ParsedDockerfile {
        nodes = List.copyOf(nodes);
        warnings = List.copyOf(warnings);
    }
}
