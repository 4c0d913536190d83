package dev.berth.runtime.container.model;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A mount resolved at create time, in inspect's {@code Mounts} shape: a named or anonymous volume, a bind
 * from the host, or a tmpfs.
 *
 * @param subpath for a volume, the directory inside it to mount instead of all of it ({@code --mount
 *                type=volume,volume-subpath=…}, API 1.45); null for the whole volume
 */
public record MountPoint(String type, String name, String source, String destination, String driver, String mode,
        boolean rw, String propagation, String subpath) {
    public MountPoint(String type, String name, String source, String destination, String driver, String mode,
            boolean rw, String propagation) {
        this(type, name, source, destination, driver, mode, rw, propagation, null);
    }

    /** Checks a requested subpath: relative, and inside the volume once normalized. */
    public static String checkSubpath(String subpath) {
        if (subpath == null || subpath.isEmpty()) {
            return null;
        }
        Path p = Path.of(subpath).normalize();
        if (p.isAbsolute() || p.startsWith("..") || p.toString().isEmpty()) {
            throw new InvalidArgumentException(
                    "invalid mount config: subpath must be a relative path within the volume: " + subpath);
        }
        return p.toString();
    }

    /**
     * Where the mount's content comes from: the source, or the volume's subpath resolved on disk now. A subpath
     * that is missing, not a directory or a file, or that leads out of the volume through a symbolic link is refused:
     * what is mounted must be the volume's own.
     */
    public Path mountSource() {
        if (subpath == null) {
            return Path.of(source);
        }
        Path volume = Path.of(source);
        try {
            Path root = volume.toRealPath();
            Path target = volume.resolve(subpath).toRealPath();
            if (!target.startsWith(root)) {
                throw new InvalidArgumentException(
                        "cannot mount volume " + name + ": subpath " + subpath + " leads out of the volume");
            }
            return target;
        } catch (IOException e) {
            throw new InvalidArgumentException("error while mounting volume " + name + ": cannot access path "
                    + volume.resolve(subpath) + ": no such file or directory"
                    + (Files.isSymbolicLink(volume.resolve(subpath))
                            || Files.exists(volume.resolve(subpath), LinkOption.NOFOLLOW_LINKS)
                                    ? " (" + e.getMessage() + ")" : ""));
        }
    }
}
