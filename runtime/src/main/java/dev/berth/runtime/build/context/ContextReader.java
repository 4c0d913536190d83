package dev.berth.runtime.build.context;

import dev.berth.runtime.common.Compression;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a request body into a {@link BuildContext}: a tar (plain, gzip, bzip2, xz or zstd, by magic bytes) kept as a
 * {@link TarTree}, whose checks refuse absolute names and {@code ..}; a body that is no tar at all is taken as the
 * Dockerfile itself (what {@code curl --data-binary @Dockerfile} sends), with an otherwise empty context. The body is
 * streamed to disk, never held in memory.
 */
public final class ContextReader {
    private static final int TAR_BLOCK = 512;

    public ContextReader() {}

    /** Reads {@code body} into {@code workDir/context.tar}; {@code dockerfileName} names a bare Dockerfile body. */
    public BuildContext read(InputStream body, Path workDir, String dockerfileName) {
        Path file = workDir.resolve("context.tar");
        try {
            Files.createDirectories(workDir);
            BufferedInputStream in = new BufferedInputStream(Compression.decompress(body), 64 * 1024);
            in.mark(TAR_BLOCK);
            byte[] head = in.readNBytes(TAR_BLOCK);
            in.reset();
            if (head.length == 0 || allZero(head)) {
                in.transferTo(OutputStream.nullOutputStream());
                return new BuildContext(workDir, TarTree.empty(file)); // no body, or a tar of nothing but its end blocks
            }
            if (isTar(head)) {
                TarTree tree = TarTree.read(new UnpaddedTarEnd(in), file);
                // Anything after the end-of-archive blocks is padding; read it so the client's upload completes.
                in.transferTo(OutputStream.nullOutputStream());
                return new BuildContext(workDir, tree);
            }
            if (isText(head)) {
                return new BuildContext(workDir, TarTree.single(dockerfileName, in, file));
            }
            throw new InvalidArgumentException("the build context is neither a tar archive nor a Dockerfile");
        } catch (IOException | RuntimeException e) {
            try {
                dev.berth.runtime.common.TreeDeleter.delete(workDir);
            } catch (IOException ignored) {
                // the build directory is removed at the next start
            }
            if (e instanceof EngineException ee) {
                throw ee;
            }
            if (e instanceof IllegalArgumentException) {
                throw new InvalidArgumentException("the build context is not a valid tar archive: " + e.getMessage(),
                        e);
            }
            throw new InvalidArgumentException("cannot read the build context: " + e.getMessage(), e);
        }
    }

    /** A POSIX/GNU tar header: "ustar" at offset 257, or an old-style header whose checksum adds up. */
    public static boolean isTar(byte[] head) {
        if (head.length < TAR_BLOCK) {
            return false;
        }
        if (new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return true;
        }
        String stored = new String(head, 148, 8, StandardCharsets.US_ASCII).replace("\0", " ").strip();
        if (stored.isEmpty() || !stored.matches("[0-7]+")) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < TAR_BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (head[i] & 0xff);
        }
        return sum == Long.parseLong(stored, 8);
    }

    private static boolean allZero(byte[] head) {
        for (byte b : head) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] head) {
        byte[] sample = Arrays.copyOf(head, Math.min(head.length, TAR_BLOCK));
        for (byte b : sample) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }
}
