package dev.berth.app.engine;

import java.time.Instant;

/**
 * A file in a container's filesystem as the archive API describes it: name (last path component), size, Unix
 * permission bits, type, modification time and, for a symlink, its target.
 */
public record FileEntry(String name, Type type, long size, int permissions, Instant modified, String linkTarget) {

    /** The kinds of file the browser tells apart. */
    public enum Type { DIRECTORY, FILE, SYMLINK, OTHER }

    public FileEntry {
        linkTarget = linkTarget == null ? "" : linkTarget;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    /** {@code drwxr-xr-x} style, as {@code ls -l} shows it. */
    public String modeString() {
        char kind = switch (type) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FILE -> '-';
            case OTHER -> '?';
        };
        StringBuilder sb = new StringBuilder().append(kind);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((permissions & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return sb.toString();
    }
}
