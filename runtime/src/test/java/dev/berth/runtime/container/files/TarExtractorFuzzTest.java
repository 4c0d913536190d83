package dev.berth.runtime.container.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.fuzz.Fuzzing;
import dev.berth.runtime.linux.FileSyscallsFake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker cp} archives from a hostile client into a container whose extraction directory already holds
 * symlinks out of it (to the host's absolute paths, up to the container's root, and up past it): files,
 * directories, symlinks and hard links whose names and targets climb with {@code ..}, absolute names, and links
 * through the container's own symlinks. Every archive is extracted or refused, and nothing outside the extraction
 * directory changes, neither in the container nor on the host.
 */
class TarExtractorFuzzTest {
    private Path temp;
    private Path outside;
    private Path root;

    @BeforeTry
    void makeDirs() throws IOException {
        temp = Files.createTempDirectory("berth-cp-fuzz");
        outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "s");
        root = Files.createDirectory(temp.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        Path dst = Files.createDirectory(root.resolve("dst"));
        Files.createSymbolicLink(dst.resolve("escape"), outside);
        Files.createSymbolicLink(dst.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(dst.resolve("out"), Path.of("../../outside"));
        Files.createSymbolicLink(dst.resolve("etc"), Path.of("/etc"));
    }

    @AfterTry
    void removeDirs() throws IOException {
        try (Stream<Path> walk = Files.walk(temp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One entry: kind (file, directory, symlink, hard link), name, link target. */
    record Step(int kind, String name, String target) {}

    @Provide
    Arbitrary<List<Step>> archives() {
        Arbitrary<String> part = Arbitraries.of("a", "b", "..", ".", "", "escape", "up", "out", "etc", "passwd",
                "secret", "x y", "\u00e9");
        Arbitrary<String> path = part.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
        Arbitrary<String> name = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, path), net.jqwik.api.Tuple.of(1,
                path.map(p -> "/" + p)), net.jqwik.api.Tuple.of(1, Arbitraries.just("OUTSIDE/secret")));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 3), name, name).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(seed = Fuzzing.SEED)
    void anArchiveIsExtractedOrRefusedAndNothingOutsideChanges(@ForAll("archives") List<Step> steps)
            throws Exception {
        List<String> hostBefore = listing(outside);
        List<String> rootBefore = listingOutsideDst();
        try {
            new TarExtractor(new FileSyscallsFake(), root, "/dst", Optional.empty(), false).extract(
                    new ByteArrayInputStream(tar(steps)));
        } catch (InvalidArgumentException refused) {
            // the archive was refused in words: an entry led out
        }
        assertEquals(hostBefore, listing(outside), "nothing changed on the host: " + steps);
        assertEquals("s", Files.readString(outside.resolve("secret")));
        assertEquals(rootBefore, listingOutsideDst(), "nothing changed in the container outside /dst: " + steps);
        assertEquals("root:x:0:0::/root:/bin/sh\n", Files.readString(root.resolve("etc/passwd")));
    }

    /** Found by the fuzzer: a symlink with an empty target failed the copy with a bare NoSuchFileException. */
    @net.jqwik.api.Example
    void aSymlinkToNothingIsRefusedInWords() {
        InvalidArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                () -> new TarExtractor(new FileSyscallsFake(), root, "/dst", Optional.empty(), false).extract(
                        new ByteArrayInputStream(tar(List.of(new Step(2, "a", ""))))));
        assertEquals("tar entry a is a symbolic link to nothing", e.getMessage());
    }

    /**
     * Found by the fuzzer (as in layers before): a file replacing a directory whose subdirectory came earlier in the
     * archive failed the copy: the removed subdirectory still had its time to be set.
     */
    @net.jqwik.api.Example
    void aLaterEntryReplacesADirectoryWithItsSubdirectories() throws Exception {
        new TarExtractor(new FileSyscallsFake(), root, "/dst", Optional.empty(), false)
                .extract(new ByteArrayInputStream(
                        tar(List.of(new Step(1, "a/a", ""), new Step(0, "a", "")))));
        assertEquals("x", Files.readString(root.resolve("dst/a")));
    }

    /** Found by the fuzzer: a file under a symlink to a missing directory failed with a bare NoSuchFileException. */
    @net.jqwik.api.Example
    void aParentBehindADanglingSymlinkIsRefusedInWords() {
        InvalidArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                () -> new TarExtractor(new FileSyscallsFake(), root, "/dst", Optional.empty(), false).extract(
                        new ByteArrayInputStream(tar(List.of(new Step(2, "a", "b/a"), new Step(0, "a/a", ""))))));
        assertEquals("tar entry a/a: /dst/b/a cannot be made, its parent is missing", e.getMessage());
    }

    @Property(seed = Fuzzing.SEED)
    void noiseIsRefused(@ForAll byte[] noise) throws IOException {
        List<String> rootBefore = listingOutsideDst();
        try {
            new TarExtractor(new FileSyscallsFake(), root, "/dst", Optional.empty(), false).extract(
                    new ByteArrayInputStream(noise));
        } catch (InvalidArgumentException | IOException refused) {
            // not a tar
        }
        assertEquals(rootBefore, listingOutsideDst());
    }

    private byte[] tar(List<Step> steps) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, "UTF-8")) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Step s : steps) {
                String name = s.name().replace("OUTSIDE", outside.toString());
                String target = s.target().replace("OUTSIDE", outside.toString());
                TarArchiveEntry e = switch (s.kind()) {
                    case 0 -> new TarArchiveEntry(name.endsWith("/") ? name + "f" : name);
                    case 1 -> new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
                    case 2 -> new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    default -> new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
                };
                if (s.kind() >= 2) {
                    e.setLinkName(target);
                }
                byte[] content = s.kind() == 0 ? "x".getBytes(StandardCharsets.UTF_8) : new byte[0];
                e.setSize(content.length);
                out.putArchiveEntry(e);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private List<String> listingOutsideDst() throws IOException {
        return listing(root).stream().filter(p -> !p.equals("dst") && !p.startsWith("dst/")).toList();
    }

    private static List<String> listing(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> !p.equals(dir)).forEach(p -> all.add(dir.relativize(p).toString()));
        }
        all.sort(null);
        return all;
    }
}
