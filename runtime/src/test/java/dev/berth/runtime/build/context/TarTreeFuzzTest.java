package dev.berth.runtime.build.context;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.fuzz.Fuzzing;
import dev.berth.runtime.fuzz.RandomTar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Build contexts as clients send them: a tar of anything, or bytes that are no tar. The context is indexed or the
 * build is refused with a message (an IOException about the stream, or an InvalidArgumentException), and a lookup of
 * any path in an indexed context answers or refuses (a link loop) and never fails otherwise.
 */
class TarTreeFuzzTest {
    @Provide
    Arbitrary<byte[]> contexts() {
        Arbitrary<byte[]> tars = RandomTar.entries("a", "b", "..", ".", "Dockerfile", "", "link")
                .map(l -> RandomTar.tar(l, "x"));
        Arbitrary<byte[]> cut = tars
                .flatMap(t -> Arbitraries.integers().between(0, t.length).map(n -> java.util.Arrays.copyOf(t, n)));
        return Arbitraries.oneOf(tars, cut, Arbitraries.bytes().array(byte[].class).ofMaxSize(2048));
    }

    @Property(seed = Fuzzing.SEED)
    void aContextIsIndexedOrRefused(@ForAll("contexts") byte[] context, @ForAll("paths") String lookup)
            throws IOException {
        Path file = Files.createTempFile("berth-context-fuzz", ".tar");
        Files.delete(file);
        try {
            TarTree tree;
            try {
                tree = TarTree.read(new ByteArrayInputStream(context), file);
            } catch (IOException | InvalidArgumentException refused) {
                return;
            }
            try {
                tree.lookup(lookup, true);
                tree.lookup(lookup, false);
            } catch (InvalidArgumentException refused) {
                // a link loop: COPY says so with a 400
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return RandomTar.entries("a", "b", "..", ".", "Dockerfile", "", "link").map(l -> l.getFirst().name());
    }
}
