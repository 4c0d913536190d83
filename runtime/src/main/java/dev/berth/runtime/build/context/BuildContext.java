package dev.berth.runtime.build.context;

import dev.berth.runtime.common.TreeDeleter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The files of one build, kept as their tar in a directory of its own under the data root (see {@link TarTree}). */
public final class BuildContext implements AutoCloseable {
    private final Path workDir;
    private final TarTree files;

    BuildContext(Path workDir, TarTree files) {
        this.workDir = workDir;
        this.files = files;
    }

    /** The context's files. */
    public TarTree files() {
        return files;
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
        files.close();
        try {
            TreeDeleter.delete(workDir);
        } catch (IOException e) {
            System.getLogger("berth.build").log(System.Logger.Level.WARNING,
                    "cannot remove build context " + workDir + ": " + e);
        }
    }
}
