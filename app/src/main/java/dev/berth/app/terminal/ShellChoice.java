package dev.berth.app.terminal;

import java.util.List;

/**
 * Which shell a new terminal runs. {@link #AUTO} takes the first of {@link #PROBE_ORDER} that exists in the
 * container (checked with the archive API's stat, so it works even in images without {@code test} or {@code which}).
 */
public record ShellChoice(String path) {
    public static final ShellChoice AUTO = new ShellChoice("");

    /** Tried in this order for {@link #AUTO}: a friendly shell first, the POSIX one every image with a shell has last. */
    public static final List<String> PROBE_ORDER = List.of("/bin/bash", "/bin/sh");

    /** What the shell menu offers besides "automatic". */
    public static final List<String> OFFERED = List.of("/bin/bash", "/bin/sh", "/bin/ash", "/bin/zsh", "/bin/fish");

    public boolean isAuto() {
        return path.isBlank();
    }
}
