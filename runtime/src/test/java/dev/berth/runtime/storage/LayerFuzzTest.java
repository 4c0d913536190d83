package dev.berth.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.fuzz.Fuzzing;
import dev.berth.runtime.linux.FileSyscallsFake;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Layer tars from a hostile registry (or {@code docker load}): sequences of files, directories, symlinks, hard links
 * and whiteouts whose names and targets climb out with {@code ..}, absolute paths and links. Every layer is either
 * unpacked or refused as an InvalidLayerException, and nothing outside the data root changes either way.
 */
class LayerFuzzTest {
    private Path temp;
    private Path outside;
    private Path dataRoot;

    @BeforeProperty
    void makeDirs() throws IOException {
        temp = Files.createTempDirectory("berth-layer-fuzz");
        outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "s");
        dataRoot = Files.createDirectory(temp.resolve("data"));
    }

    @AfterProperty
    void removeDirs() throws IOException {
        try (Stream<Path> walk = Files.walk(temp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One entry: kind, name, link target. */
    record Step(int kind, String name, String target) {}

    @Provide
    Arbitrary<List<Step>> layers() {
        Arbitrary<String> part = Arbitraries.of("a", "b", "..", ".", "", "link", "up", ".wh.a", ".wh..wh..opq",
                ".wh..", "outside", "secret", "dev", "etc", "x y", "\u00e9");
        Arbitrary<String> path = part.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l));
        Arbitrary<String> name = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, path),
                net.jqwik.api.Tuple.of(1, path.map(p -> "/" + p)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("OUTSIDE/x")));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 3), name, name)
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(8);
    }

    private byte[] tar(List<Step> steps) {
        TarBuilder b = new TarBuilder();
        for (Step s : steps) {
            String name = s.name().replace("OUTSIDE", outside.toString());
            String target = s.target().replace("OUTSIDE", outside.toString());
            switch (s.kind()) {
                case 0 -> b.file(name.endsWith("/") ? name + "f" : name, "x"); // a name ending in / is a directory
                case 1 -> b.dir(name.endsWith("/") ? name : name + "/");
                case 2 -> b.symlink(name, target);
                default -> b.hardlink(name, target);
            }
        }
        return b.tar();
    }

    @Property(seed = Fuzzing.SEED)
    void aLayerIsUnpackedOrRefusedAndNothingOutsideChanges(@ForAll("layers") List<Step> steps) throws Exception {
        List<String> before = listing(outside);
        LayerStore store = new LayerStore(dataRoot, new FileSyscallsFake());
        try {
            store.unpack(null, null, new ByteArrayInputStream(tar(steps)), n -> {});
        } catch (InvalidArgumentException refused) {
            // InvalidLayerException, or another refusal of the input
        }
        assertEquals(before, listing(outside), "nothing outside the data root changed: " + steps);
        assertEquals("s", Files.readString(outside.resolve("secret")));
        assertEquals(List.of("data", "outside"), listing(temp).stream().filter(p -> !p.contains("/")).toList(),
                "nothing beside the data root");
    }

    /**
     * Found by the fuzzer: a file replacing a directory whose subdirectory came earlier in the layer ("a/a/", then
     * "a") failed the whole pull with "unpacking layer failed": the removed subdirectory still had its times to set.
     * A later entry wins, as in containerd.
     */
    @Example
    void aLaterEntryReplacesADirectoryWithItsSubdirectories() throws Exception {
        List<Step> steps = List.of(new Step(1, "a/a", ""), new Step(0, "a", ""));
        LayerStore store = new LayerStore(dataRoot, new FileSyscallsFake());
        Layer layer = store.unpack(null, null, new ByteArrayInputStream(tar(steps)), n -> {});
        assertEquals(true, Files.isRegularFile(layer.diffDir().resolve("a")));
    }

    @Property(seed = Fuzzing.SEED)
    void noiseIsRefusedAsAMalformedLayer(@ForAll byte[] noise) {
        LayerStore store = new LayerStore(dataRoot, new FileSyscallsFake());
        try {
            store.unpack(null, null, new ByteArrayInputStream(noise), n -> {});
        } catch (InvalidArgumentException refused) {
            // the only way to say no
        }
    }

    private static List<String> listing(Path root) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.equals(root)).forEach(p -> all.add(root.relativize(p).toString()));
        }
        all.sort(null);
        return all;
    }
}
