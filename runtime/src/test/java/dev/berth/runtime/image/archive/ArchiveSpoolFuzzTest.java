package dev.berth.runtime.image.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.fuzz.Fuzzing;
import dev.berth.runtime.fuzz.RandomTar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * {@code docker load} archives: spooled into a directory or refused, and neither writing outside it nor copying a
 * file from outside into it (the spool is read back as image content).
 */
class ArchiveSpoolFuzzTest {
    private static final String SECRET = "outside-secret";
    private Path temp;
    private Path spool;

    @BeforeTry
    void makeDirs() throws IOException {
        temp = Files.createTempDirectory("berth-load-fuzz");
        Files.writeString(temp.resolve("secret"), SECRET);
        spool = Files.createDirectory(temp.resolve("spool"));
    }

    @AfterTry
    void removeDirs() throws IOException {
        try (Stream<Path> walk = Files.walk(temp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<RandomTar.Entry>> archives() {
        return RandomTar.entries("a", "d", "s", "..", ".", "secret", "spool", "manifest.json", "");
    }

    @Property(seed = Fuzzing.SEED)
    void anArchiveIsSpooledOrRefusedAndNothingCrossesItsEdge(@ForAll("archives") List<RandomTar.Entry> entries)
            throws Exception {
        try {
            ArchiveSpool.extract(new ByteArrayInputStream(RandomTar.tar(entries, "inside")), spool);
        } catch (InvalidArgumentException refused) {
            // the only way to say no
        }
        assertEquals(List.of("secret", "spool"), top(temp), "nothing written beside the spool: " + entries);
        assertEquals(SECRET, Files.readString(temp.resolve("secret")));
        for (Path file : regularFiles(spool)) {
            assertEquals("inside", Files.readString(file), "a file from outside was copied in by " + entries);
        }
    }

    /** Found by the fuzzer: a hard link to a symlink whose target climbs out through another symlink to ".". */
    @Example
    void aHardLinkCannotCopyAFileFromOutsideThroughSymlinks() throws Exception {
        List<RandomTar.Entry> entries = List.of(new RandomTar.Entry(2, "d", "."),
                new RandomTar.Entry(2, "s", "d/../secret"),
                new RandomTar.Entry(3, "h", "s"));
        anArchiveIsSpooledOrRefusedAndNothingCrossesItsEdge(entries);
    }

    private static List<String> top(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).forEach(out::add);
        }
        return out;
    }
}
