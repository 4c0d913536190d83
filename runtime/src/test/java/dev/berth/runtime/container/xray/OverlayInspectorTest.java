package dev.berth.runtime.container.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.container.files.ChangeScanner;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.linux.LibcFileSyscalls;
import dev.berth.runtime.storage.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayInspectorTest {
    @TempDir
    Path tmp;

    private Layer layer(String name, String hexChar) throws IOException {
        Path diff = Files.createDirectories(tmp.resolve("layers").resolve(name).resolve("diff"));
        Digest chain = Digest.parse("sha256:" + hexChar.repeat(64));
        Digest diffId = Digest.parse("sha256:" + hexChar.repeat(63) + "0");
        return new Layer(chain, diffId, null, 1234, diff);
    }

    @Test
    void mapsTheMountedLowerDirsToImageLayersThroughTheirLinks() throws IOException {
        Layer top = layer("top", "b");
        Layer base = layer("base", "a");
        Files.writeString(base.diffDir().resolve("etc-file"), "x");
        Path links = Files.createDirectories(tmp.resolve("l"));
        Files.createSymbolicLink(links.resolve("B"), top.diffDir());
        Files.createSymbolicLink(links.resolve("A"), base.diffDir());
        Path dir = Files.createDirectories(tmp.resolve("c1"));
        Path upper = Files.createDirectories(dir.resolve("upper"));
        Files.writeString(upper.resolve("new-file"), "hi");
        Files.writeString(upper.resolve("etc-file"), "y");
        String line = "812 29 0:88 / " + dir.resolve("merged") + " rw shared:1 - overlay overlay rw,lowerdir="
                + links.resolve("B") + ":" + links.resolve("A") + ",upperdir=" + upper + ",workdir="
                + dir.resolve("work");
        OverlayView v = new OverlayInspector(new ChangeScanner(new LibcFileSyscalls()))
                .inspect(List.of(line), dir.resolve("merged"), upper, dir.resolve("work"), List.of(top, base));
        assertTrue(v.mounted());
        assertEquals(2, v.lowers().size());
        assertEquals(top.diffId().toString(), v.lowers().get(0).diffId());
        assertEquals(base.chainId().toString(), v.lowers().get(1).chainId());
        assertEquals(links.resolve("A").toString(), v.lowers().get(1).lowerDir());
        assertEquals(upper.toString(), v.upperDir());
        assertEquals(List.of(new FileChange("/etc-file", "changed"), new FileChange("/new-file", "added")),
                v.changes());
        assertFalse(v.changesTruncated());
    }

    @Test
    void withoutAMountShowsTheLayersBerthdWouldMount() throws IOException {
        Layer only = layer("only", "c");
        Path dir = Files.createDirectories(tmp.resolve("c2"));
        OverlayView v = new OverlayInspector(new ChangeScanner(new LibcFileSyscalls()))
                .inspect(List.of(), dir.resolve("merged"), dir.resolve("upper"), dir.resolve("work"), List.of(only));
        assertFalse(v.mounted());
        assertEquals(1, v.lowers().size());
        assertEquals(only.diffDir().toString(), v.lowers().getFirst().lowerDir());
        assertEquals(List.of(), v.changes());
    }
}
