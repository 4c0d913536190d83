package dev.berth.runtime.container.files;

import dev.berth.runtime.container.run.ContainerPaths;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** {@code docker cp}: stat a path in a container, read it as a tar, extract a tar into a directory. */
public final class ContainerArchive {
    private final ContainerRootAccess roots;
    private final FileSyscalls sys;

    public ContainerArchive(ContainerRootAccess roots, FileSyscalls sys) {
        this.roots = roots;
        this.sys = sys;
    }

    /** {@code HEAD /containers/{id}/archive}: what {@code path} is, without following a final symlink. */
    public PathStat stat(String idOrName, String path) {
        return roots.withRoot(idOrName, (c, root) -> stat(c, root, checked(path)).stat());
    }

    /**
     * {@code GET /containers/{id}/archive}: calls {@code open} with the stat once the path is known to exist,
     * then writes the tar into the stream it returns.
     */
    public void read(String idOrName, String path, Function<PathStat, OutputStream> open) {
        roots.withRoot(idOrName, (c, root) -> {
            Located at = stat(c, root, checked(path));
            OutputStream out = open.apply(at.stat());
            new PathArchiver(sys).archive(at.host(), at.stat().name().equals("/") ? "." : at.stat().name(), out);
            out.flush();
            return null;
        });
    }

    /** {@code PUT /containers/{id}/archive}: extracts {@code tar} into the directory {@code path}. */
    public void extract(String idOrName, String path, boolean noOverwriteDirNonDir, boolean copyUidGid,
            InputStream tar) {
        roots.withRoot(idOrName, (c, root) -> {
            Path dir = ContainerPaths.resolve(root, checked(path), true);
            try {
                // The root itself is a directory whatever lstat says: for a running container it is reached through
                // /proc/<pid>/root, a link to the container's root (docker cp FILE c:/NAME extracts there).
                if (!dir.equals(root) && !sys.lstat(dir).isDirectory()) {
                    throw new InvalidArgumentException("extraction point is not a directory: " + path);
                }
            } catch (NoSuchFileException e) {
                throw notFound(c, path);
            }
            // Default as dockerd: entries belong to the container's root user; docker cp -a keeps the tar's owners.
            Optional<int[]> owner = copyUidGid ? Optional.empty() : Optional.of(new int[]{0, 0});
            new TarExtractor(sys, root, ContainerPaths.toContainerPath(root, dir), owner, noOverwriteDirNonDir)
                    .extract(tar);
            return null;
        });
    }

    private record Located(Path host, PathStat stat) {}

    private Located stat(Container c, Path root, String path) throws IOException {
        // A trailing "/" or "/." names the directory itself, so a final symlink is followed then (as moby does).
        boolean followLast = path.endsWith("/") || path.endsWith("/.");
        Path host = ContainerPaths.resolve(root, path, followLast);
        FileSyscalls.Stat st;
        try {
            st = sys.lstat(host);
        } catch (NoSuchFileException e) {
            throw notFound(c, path);
        }
        String link = null;
        if (st.isSymlink()) {
            link = ContainerPaths.toContainerPath(root, ContainerPaths.resolve(root, path, true));
        }
        return new Located(host, PathStat.of(baseName(path), st, link));
    }

    /** Go's {@code filepath.Base} of the path with a trailing "/." kept: "/etc/." → ".", "/etc/" → "etc", "/" → "/". */
    static String baseName(String path) {
        if (path.endsWith("/.") || path.equals(".")) {
            return ".";
        }
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String checked(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidArgumentException("path is required");
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    private static NotFoundException notFound(Container c, String path) {
        return new NotFoundException(
                "Could not find the file " + path + " in container " + c.name().replaceFirst("^/", ""));
    }
}
