package dev.berth.runtime.image.content;

import dev.berth.runtime.digest.DigestMismatchException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {
    private static final byte[] HELLO = "hello, blob".getBytes(StandardCharsets.UTF_8);
    private static final Digest HELLO_DIGEST = Digest.sha256(HELLO);

    @TempDir
    Path root;

    @Test
    void putStoresUnderBlobsAndReadsBack() throws IOException {
        ContentStore store = new ContentStore(root);
        Digest d = store.put(HELLO);

        assertEquals(HELLO_DIGEST, d);
        assertEquals(root.resolve("blobs/sha256/" + d.hex()), store.path(d));
        assertTrue(store.contains(d));
        assertEquals(HELLO.length, store.size(d));
        assertArrayEquals(HELLO, store.read(d));
        try (InputStream in = store.open(d)) {
            assertArrayEquals(HELLO, in.readAllBytes());
        }
        assertEquals(Set.of(d), store.list());
        assertEquals(HELLO.length, store.totalSize());
        assertEquals(d, store.put(HELLO), "storing the same bytes again is a no-op");
    }

    @Test
    void putFromStreamNamesTheBlobBySha256() {
        ContentStore store = new ContentStore(root);
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Digest d = store.put(new ByteArrayInputStream(big));
        assertEquals(Digest.sha256(big), d);
        assertArrayEquals(big, store.read(d));
        assertNoIngestFiles();
    }

    @Test
    void missingBlobsAreNotFound() {
        ContentStore store = new ContentStore(root);
        assertFalse(store.contains(HELLO_DIGEST));
        NotFoundException e = assertThrows(NotFoundException.class, () -> store.open(HELLO_DIGEST));
        assertEquals("blob " + HELLO_DIGEST + " not found", e.getMessage());
        assertThrows(NotFoundException.class, () -> store.size(HELLO_DIGEST));
        assertThrows(NotFoundException.class, () -> store.read(HELLO_DIGEST));
    }

    @Test
    void deleteRemovesAndIsIdempotent() {
        ContentStore store = new ContentStore(root);
        Digest d = store.put(HELLO);
        store.delete(d);
        assertFalse(store.contains(d));
        assertEquals(Set.of(), store.list());
        store.delete(d);
        assertEquals(0, store.totalSize());
    }

    @Test
    void ingestCommitVerifiesAndPublishes() throws IOException {
        ContentStore store = new ContentStore(root);
        try (Ingest ingest = store.ingest(HELLO_DIGEST, HELLO.length)) {
            try (OutputStream out = ingest.output()) { // closing the output must not end the ingest
                out.write(HELLO, 0, 5);
                assertFalse(store.contains(HELLO_DIGEST), "nothing is visible before commit");
                out.write(HELLO, 5, HELLO.length - 5);
            }
            assertEquals(HELLO.length, ingest.written());
            assertEquals(HELLO_DIGEST, ingest.commit());
        }
        assertArrayEquals(HELLO, store.read(HELLO_DIGEST));
        assertNoIngestFiles();
    }

    @Test
    void digestMismatchNamesBothDigestsAndPublishesNothing() throws IOException {
        ContentStore store = new ContentStore(root);
        byte[] other = "not hello".getBytes(StandardCharsets.UTF_8);
        try (Ingest ingest = store.ingest(HELLO_DIGEST, -1)) {
            ingest.output().write(other);
            DigestMismatchException e = assertThrows(DigestMismatchException.class, ingest::commit);
            assertTrue(e.getMessage().contains(HELLO_DIGEST.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(Digest.sha256(other).toString()), e.getMessage());
        }
        assertFalse(store.contains(HELLO_DIGEST));
        assertFalse(store.contains(Digest.sha256(other)));
        assertNoIngestFiles();
    }

    @Test
    void sizeMismatchIsRejected() throws IOException {
        ContentStore store = new ContentStore(root);
        try (Ingest shortIngest = store.ingest(HELLO_DIGEST, HELLO.length + 1)) {
            shortIngest.output().write(HELLO);
            DigestMismatchException e = assertThrows(DigestMismatchException.class, shortIngest::commit);
            assertTrue(e.getMessage().contains("size"), e.getMessage());
        }
        try (Ingest longIngest = store.ingest(null, 3)) {
            // More bytes than announced fail at once, before they fill the disk.
            assertThrows(DigestMismatchException.class, () -> longIngest.output().write(HELLO));
        }
        assertEquals(Set.of(), store.list());
        assertNoIngestFiles();
    }

    @Test
    void closeWithoutCommitDiscards() throws IOException {
        ContentStore store = new ContentStore(root);
        Ingest ingest = store.ingest(HELLO_DIGEST, HELLO.length);
        ingest.output().write(HELLO);
        assertEquals(1, ingestFiles().size());
        ingest.close();
        assertNoIngestFiles();
        assertFalse(store.contains(HELLO_DIGEST));
        assertThrows(IllegalStateException.class, ingest::commit);
    }

    @Test
    void resetStartsOverForARetry() throws IOException {
        ContentStore store = new ContentStore(root);
        try (Ingest ingest = store.ingest(HELLO_DIGEST, HELLO.length)) {
            OutputStream first = ingest.output();
            first.write("garbage from a broken connection".getBytes(StandardCharsets.UTF_8), 0, 7);
            ingest.reset();
            assertEquals(0, ingest.written());
            assertThrows(IOException.class, () -> first.write(HELLO), "a stream from before the reset is dead");
            ingest.output().write(HELLO);
            assertEquals(HELLO_DIGEST, ingest.commit());
        }
        assertArrayEquals(HELLO, store.read(HELLO_DIGEST));
    }

    @Test
    void resetAfterFailedVerificationAllowsRetry() throws IOException {
        ContentStore store = new ContentStore(root);
        try (Ingest ingest = store.ingest(HELLO_DIGEST, HELLO.length)) {
            ingest.output().write("hello, blub".getBytes(StandardCharsets.UTF_8));
            assertThrows(DigestMismatchException.class, ingest::commit);
            assertThrows(IllegalStateException.class, ingest::output);
            ingest.reset();
            ingest.output().write(HELLO);
            assertEquals(HELLO_DIGEST, ingest.commit());
        }
        assertArrayEquals(HELLO, store.read(HELLO_DIGEST));
        assertNoIngestFiles();
    }

    @Test
    void commitOfAnExistingBlobSucceeds() throws IOException {
        ContentStore store = new ContentStore(root);
        store.put(HELLO);
        try (Ingest ingest = store.ingest(HELLO_DIGEST, HELLO.length)) {
            ingest.output().write(HELLO);
            assertEquals(HELLO_DIGEST, ingest.commit());
        }
        assertArrayEquals(HELLO, store.read(HELLO_DIGEST));
        assertNoIngestFiles();
    }

    @Test
    void concurrentIngestsOfTheSameDigestAllSucceed() throws Exception {
        ContentStore store = new ContentStore(root);
        byte[] blob = new byte[1 << 20];
        new java.util.Random(7).nextBytes(blob);
        Digest expected = Digest.sha256(blob);
        List<Callable<Digest>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(() -> {
                try (Ingest ingest = store.ingest(expected, blob.length)) {
                    for (int off = 0; off < blob.length; off += 4096) {
                        ingest.output().write(blob, off, 4096);
                    }
                    return ingest.commit();
                }
            });
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Digest> f : pool.invokeAll(writers)) {
                assertEquals(expected, f.get());
            }
        }
        assertArrayEquals(blob, store.read(expected));
        assertEquals(Set.of(expected), store.list());
        assertNoIngestFiles();
    }

    @Test
    void constructorDeletesStaleIngestFiles() throws IOException {
        new ContentStore(root).put(HELLO);
        Ingest abandoned = new ContentStore(root).ingest(null, -1);
        abandoned.output().write(HELLO); // never committed nor closed: a crash mid-pull
        Files.createDirectories(root.resolve("ingest/leftover-dir"));
        Files.writeString(root.resolve("ingest/leftover-dir/part"), "x");

        ContentStore restarted = new ContentStore(root);
        assertNoIngestFiles();
        assertTrue(restarted.contains(HELLO_DIGEST), "committed blobs survive the cleanup");
    }

    @Test
    void listIgnoresForeignFiles() throws IOException {
        ContentStore store = new ContentStore(root);
        Digest d = store.put(HELLO);
        Files.writeString(root.resolve("blobs/sha256/not-a-digest"), "x");
        assertEquals(Set.of(d), store.list());
    }

    private void assertNoIngestFiles() {
        assertEquals(List.of(), ingestFiles());
    }

    private List<Path> ingestFiles() {
        try (Stream<Path> s = Files.list(root.resolve("ingest"))) {
            return s.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
