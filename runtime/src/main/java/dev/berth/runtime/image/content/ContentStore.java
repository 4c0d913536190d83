package dev.berth.runtime.image.content;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Content-addressed blob store under a data root: {@code blobs/<algorithm>/<hex>} plus {@code ingest/} for
 * partial writes.
 *
 * <p>It holds no state in memory: every operation is one file-system call (open, stat, rename, unlink), each
 * atomic on its own, so concurrent callers need no lock. Two ingests of the same digest each write their own
 * temp file and both commits succeed. One {@code ContentStore} per data root: the constructor deletes whatever
 * is in {@code ingest/}, which would include another live instance's partial blobs.
 *
 * <p>I/O failures other than "not found" surface as {@link UncheckedIOException}.
 */
public final class ContentStore {
    private static final System.Logger LOG = System.getLogger(ContentStore.class.getName());

    private final Path blobsDir;
    private final Path ingestDir;

    /** Opens (creating if needed) the store under {@code dataRoot} and deletes ingest files a crash left behind. */
    public ContentStore(Path dataRoot) {
        this.blobsDir = dataRoot.resolve("blobs");
        this.ingestDir = dataRoot.resolve("ingest");
        try {
            Files.createDirectories(blobsDir.resolve("sha256"));
            Files.createDirectories(ingestDir);
            deleteStaleIngests();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open content store under " + dataRoot, e);
        }
    }

    /** True if the blob is in the store. */
    public boolean contains(Digest d) {
        return Files.isRegularFile(path(d));
    }

    /** Where the blob is or would be; the file may not exist. */
    public Path path(Digest d) {
        // Digest validates algorithm and hex, so neither can climb out of blobs/.
        return blobsDir.resolve(d.algorithm()).resolve(d.hex());
    }

    /** The blob's size in bytes. */
    public long size(Digest d) {
        try {
            return Files.size(path(d));
        } catch (NoSuchFileException e) {
            throw notFound(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the blob for reading; the caller closes the stream. */
    public InputStream open(Digest d) {
        try {
            return Files.newInputStream(path(d));
        } catch (NoSuchFileException e) {
            throw notFound(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole blob; meant for small ones (manifests, configs). */
    public byte[] read(Digest d) {
        try {
            return Files.readAllBytes(path(d));
        } catch (NoSuchFileException e) {
            throw notFound(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts writing a blob. With {@code expected} (and {@code expectedSize} other than -1) the commit verifies
     * the bytes against them; without, the commit just names the blob by its sha256.
     */
    public Ingest ingest(Digest expected, long expectedSize) {
        if (expectedSize < -1) {
            throw new InvalidArgumentException("invalid blob size " + expectedSize);
        }
        try {
            return new FileIngest(this, expected, expectedSize, Files.createTempFile(ingestDir, "blob-", ".partial"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ingest in " + ingestDir, e);
        }
    }

    /** Stores {@code data} atomically and returns its sha256 digest. */
    public Digest put(byte[] data) {
        Digest digest = Digest.sha256(data);
        if (contains(digest)) {
            return digest;
        }
        try (Ingest ingest = ingest(digest, data.length)) {
            ingest.output().write(data);
            return ingest.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores everything {@code in} yields and returns its sha256 digest; does not close {@code in}. */
    public Digest put(InputStream in) {
        try (Ingest ingest = ingest(null, -1)) {
            in.transferTo(ingest.output());
            return ingest.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the blob; nothing happens if it is absent. Readers that already opened it keep reading. */
    public void delete(Digest d) {
        try {
            Files.deleteIfExists(path(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every blob in the store. */
    public Set<Digest> list() {
        Set<Digest> digests = new TreeSet<>();
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobsDir)) {
            for (Path algorithmDir : algorithms) {
                if (!Files.isDirectory(algorithmDir)) {
                    continue;
                }
                String algorithm = algorithmDir.getFileName().toString();
                try (DirectoryStream<Path> blobs = Files.newDirectoryStream(algorithmDir)) {
                    for (Path blob : blobs) {
                        String text = algorithm + ":" + blob.getFileName();
                        // Anything that is not a digest-named file is not ours to report (or to trust).
                        if (Digest.isDigest(text) && Files.isRegularFile(blob)) {
                            digests.add(Digest.parse(text));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }

    /** Bytes used by all blobs. */
    public long totalSize() {
        long total = 0;
        for (Digest d : list()) {
            try {
                total += Files.size(path(d));
            } catch (NoSuchFileException e) {
                // deleted since list(): it no longer uses space
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /** Makes a finished, verified temp file the blob {@code d}; an existing blob wins (same bytes by definition). */
    void install(Path temp, Digest d) throws IOException {
        Path target = path(d);
        if (Files.isRegularFile(target)) {
            Files.deleteIfExists(temp);
            return;
        }
        Files.createDirectories(target.getParent());
        // A concurrent commit of the same digest may rename first; replacing identical bytes is harmless.
        AtomicFiles.move(temp, target); // durable: AtomicFiles syncs the directory
    }

    private static NotFoundException notFound(Digest d) {
        return new NotFoundException("blob " + d + " not found");
    }

    private void deleteStaleIngests() throws IOException {
        try (Stream<Path> walk = Files.walk(ingestDir)) {
            for (Path stale : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(ingestDir)).toList()) {
                LOG.log(System.Logger.Level.INFO, "deleting stale ingest file " + stale);
                Files.deleteIfExists(stale);
            }
        }
    }
}
