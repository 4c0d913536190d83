package dev.berth.runtime.storage;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.linux.FileSyscallsException;
import dev.berth.runtime.linux.MountSyscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Mounts a container's root file system: overlayfs with an image's layer diffs as read-only lowerdirs (top
 * first) under the container's own upperdir and workdir. mount(2) options must fit in one page, so each
 * lowerdir is named through a short symlink {@code <dataRoot>/layers/l/<16 hex>} to its diff, as Docker's
 * overlay2 and containers-storage do with their {@code l/} directories.
 */
public final class OverlayMounts {
    /** mount(2) copies at most one page of options, NUL included. */
    static final int MAX_OPTIONS = 4095;
    static final int SHORT_ID_LENGTH = 16;

    private final Path linksDir;
    private final MountSyscalls sys;

    public OverlayMounts(Path dataRoot, MountSyscalls sys) {
        this.linksDir = dataRoot.toAbsolutePath().resolve("layers").resolve("l");
        this.sys = sys;
    }

    /** The short link name of a layer: enough of its ChainID to be unique in practice. */
    static String shortId(Digest chainId) {
        return chainId.hex().substring(0, SHORT_ID_LENGTH);
    }

    /** Path of the short link of a layer (it may not exist yet). */
    Path shortLink(Digest chainId) {
        return linksDir.resolve(shortId(chainId));
    }

    /**
     * Mounts overlayfs at {@code target}: {@code lowerTopFirst} are the image's layers, uppermost first;
     * {@code upper}, {@code work} and {@code target} are created if missing (upper and work must be on one file system).
     */
    public void mount(List<Layer> lowerTopFirst, Path upper, Path work, Path target) {
        try {
            Files.createDirectories(upper);
            Files.createDirectories(work);
            Files.createDirectories(target);
            String options = options(lowerTopFirst, upper, work);
            sys.mount("overlay", target, "overlay", 0, options);
        } catch (IOException e) {
            throw new EngineException("cannot mount the container root at " + target + ": " + e.getMessage(), e);
        }
    }

    /** The overlay options, creating the layers' short links as needed. */
    String options(List<Layer> lowerTopFirst, Path upper, Path work) throws IOException {
        List<String> lowers = new ArrayList<>();
        for (Layer layer : lowerTopFirst) {
            lowers.add(checked(link(layer).toString()));
        }
        if (lowers.isEmpty()) {
            // An image with no layers (FROM scratch plus metadata): overlay needs a lowerdir, so an empty one.
            Path empty = linksDir.getParent().resolve("empty");
            Files.createDirectories(empty);
            lowers.add(checked(empty.toString()));
        }
        String options = "lowerdir=" + String.join(":", lowers)
                + ",upperdir=" + checked(upper.toAbsolutePath().toString())
                + ",workdir=" + checked(work.toAbsolutePath().toString());
        if (options.getBytes(StandardCharsets.UTF_8).length > MAX_OPTIONS) {
            throw new InvalidArgumentException("too many layers for one overlay mount: " + lowerTopFirst.size()
                    + " layers need " + options.length() + " bytes of mount options, the kernel takes " + MAX_OPTIONS);
        }
        return options;
    }

    /** Makes sure the layer's short link points at its diff; replaces a stale one atomically. */
    private Path link(Layer layer) throws IOException {
        Files.createDirectories(linksDir);
        Path link = shortLink(layer.chainId());
        Path diff = layer.diffDir().toAbsolutePath();
        Path linkTarget = diff.startsWith(linksDir.getParent()) ? linksDir.relativize(diff) : diff;
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(linkTarget)) {
            return link;
        }
        Path tmp = linksDir.resolve(".tmp-" + shortId(layer.chainId()) + "-" + System.nanoTime());
        Files.createSymbolicLink(tmp, linkTarget);
        try {
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return link;
    }

    /** Overlay splits options at ',' and lowerdirs at ':'; such paths cannot be passed safely. */
    private static String checked(String path) {
        if (path.contains(",") || path.contains(":") || path.contains("\\")) {
            throw new InvalidArgumentException(
                    "path not usable in overlay mount options (contains , : or \\): " + path);
        }
        return path;
    }

    /** Unmounts {@code target}; a target that is not mounted is fine. A busy mount is detached lazily. */
    public void unmount(Path target) {
        try {
            try {
                sys.umount2(target, 0);
            } catch (FileSyscallsException e) {
                if (e.errno() == FileSyscallsException.EINVAL) {
                    return; // not a mount point: already unmounted
                }
                if (e.errno() != FileSyscallsException.EBUSY) {
                    throw e;
                }
                sys.umount2(target, MountSyscalls.MNT_DETACH);
            }
        } catch (IOException e) {
            throw new EngineException("cannot unmount " + target + ": " + e.getMessage(), e);
        }
    }
}
