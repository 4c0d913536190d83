package dev.berth.runtime.build.context;

import dev.berth.runtime.common.Compression;
import dev.berth.runtime.container.files.TarExtractor;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.linux.FileSyscalls;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Unpacks a request body into a {@link BuildContext}: a tar (plain, gzip, bzip2, xz or zstd, by magic bytes) through
 * {@link TarExtractor}, whose checks refuse absolute names, {@code ..} and entries that would land outside through a
 * link; a body that is no tar at all is taken as the Dockerfile itself (what {@code curl --data-binary @Dockerfile}
 * sends), with an otherwise empty context. The body is streamed to disk, never held in memory.
 */
public final class ContextReader {
    private static final int TAR_BLOCK = 512;

    private final FileSyscalls sys;

    public ContextReader(FileSyscalls sys) {
        this.sys = sys;
    }

    /** Unpacks {@code body} into {@code workDir/context}; {@code dockerfileName} names a bare Dockerfile body. */
    public BuildContext read(InputStream body, Path workDir, String dockerfileName) {
        Path root = workDir.resolve("context");
        BuildContext context = new BuildContext(workDir, root);
        try {
            Files.createDirectories(root);
            BufferedInputStream in = new BufferedInputStream(Compression.decompress(body), 64 * 1024);
            in.mark(TAR_BLOCK);
            byte[] head = in.readNBytes(TAR_BLOCK);
            in.reset();
            if (head.length == 0 || allZero(head)) {
                in.transferTo(OutputStream.nullOutputStream());
                return context; // no body, or a tar with nothing but its end-of-archive blocks
            }
            if (isTar(head)) {
                new TarExtractor(sys, root, "/", Optional.empty(), false).extract(new UnpaddedTarEnd(in));
                // Anything after the end-of-archive blocks is padding; read it so the client's upload completes.
                in.transferTo(OutputStream.nullOutputStream());
            } else if (isText(head)) {
                Path file = context.resolve(dockerfileName, false);
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    in.transferTo(out);
                }
            } else {
                throw new InvalidArgumentException("the build context is neither a tar archive nor a Dockerfile");
            }
            return context;
        } catch (IOException | RuntimeException e) {
            context.close();
            if (e instanceof EngineException ee) {
                throw ee;
            }
            if (e instanceof IllegalArgumentException) {
                throw new InvalidArgumentException("the build context is not a valid tar archive: " + e.getMessage(), e);
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
