package dev.berth.runtime.build.context;

import dev.berth.runtime.common.TreeDeleter;
import dev.berth.runtime.container.files.ContainerPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of one build, unpacked in a directory of their own under the data root. Paths inside are resolved as a
 * container resolves them ({@link ContainerPaths}): a symlink in the context that points to {@code /etc} leads to
 * the context's own {@code etc}, never to the host's. Content digests of files are computed once, on first use.
 */
public final class BuildContext implements AutoCloseable {
    private final Path workDir;
    private final Path root;
    private final Map<Path, String> digests = new ConcurrentHashMap<>();

    BuildContext(Path workDir, Path root) {
        this.workDir = workDir;
        this.root = root;
    }

    /** The directory holding the context's files. */
    public Path root() {
        return root;
    }

    /** The host path of {@code path} inside the context, symlinks followed inside it; the last element too if {@code followLast}. */
    public Path resolve(String path, boolean followLast) {
        return ContainerPaths.resolve(root, path, followLast);
    }

    /** The SHA-256 of a regular file's content, hex; computed once per build. */
    public String contentDigest(Path file) {
        return digests.computeIfAbsent(file, BuildContext::sha256);
    }

    /** SHA-256 of a file, hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the context's files. */
    @Override
    public void close() {
        try {
            TreeDeleter.delete(workDir);
        } catch (IOException e) {
            System.getLogger("berth.build").log(System.Logger.Level.WARNING, "cannot remove build context " + workDir + ": " + e);
        }
    }
}
