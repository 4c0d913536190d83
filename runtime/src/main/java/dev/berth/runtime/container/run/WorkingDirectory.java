package dev.berth.runtime.container.run;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates a container's working directory in its root filesystem before start, as dockerd does
 * ({@code SetupWorkingDirectory}: owned by root, mode 0755), so that neither the start nor a later {@code docker exec}
 * depends on the OCI runtime creating it. Symlinks on the way are followed inside the root only.
 */
public final class WorkingDirectory {
    private WorkingDirectory() {}

    /** Makes {@code workingDir} (absolute, as the container sees it) exist under {@code rootfs}; "" or "/" is a no-op. */
    public static void create(Path rootfs, String workingDir) {
        if (workingDir == null || workingDir.isBlank() || workingDir.equals("/")) {
            return;
        }
        if (!workingDir.startsWith("/")) {
            throw new InvalidArgumentException("the working directory must be an absolute path: " + workingDir);
        }
        // Symlinks are resolved inside the root first; what is left to create then has no links in it.
        Path target = ContainerPaths.resolve(rootfs, workingDir, true);
        Path dir = rootfs;
        for (Path part : rootfs.relativize(target)) {
            dir = dir.resolve(part);
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidArgumentException("Cannot mkdir: " + ContainerPaths.toContainerPath(rootfs, dir)
                        + " is not a directory");
            }
            mkdir(dir);
        }
    }

    private static void mkdir(Path dir) {
        try {
            Files.createDirectory(dir);
            // Explicitly, not through the umask: dockerd's directory is 0755 whatever berthd's umask is.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile (an exec racing a start): fine if it is a directory, which the next step checks
        } catch (IOException e) {
            throw new EngineException(
                    "cannot create the working directory " + dir.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
