package dev.berth.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.linux.FileSyscallsException;
import dev.berth.runtime.linux.FileSyscallsFake;
import dev.berth.runtime.linux.MountSyscalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayMountsTest {
    /** Records mount calls; umount answers with a scripted errno sequence. */
    static final class RecordingMounts implements MountSyscalls {
        final List<String> calls = new ArrayList<>();
        final List<Integer> umountErrnos = new ArrayList<>();

        @Override
        public void mount(String source, Path target, String fsType, long flags, String data) {
            calls.add("mount " + fsType + " " + target + " " + data);
        }

        @Override
        public void umount2(Path target, int flags) throws IOException {
            calls.add("umount2 " + target + " " + flags);
            if (!umountErrnos.isEmpty()) {
                int errno = umountErrnos.removeFirst();
                throw new FileSyscallsException("umount2 failed", errno, null);
            }
        }
    }

    @TempDir
    Path temp;
    LayerStore store;
    RecordingMounts sys;
    OverlayMounts mounts;

    @BeforeEach
    void open() {
        store = new LayerStore(temp, new FileSyscallsFake());
        sys = new RecordingMounts();
        mounts = new OverlayMounts(temp, sys);
    }

    private List<Layer> layers(int count) {
        List<Layer> topFirst = new ArrayList<>();
        Layer parent = null;
        for (int i = 0; i < count; i++) {
            byte[] tar = new TarBuilder().file("f" + i, "x").tar();
            parent = store.unpack(parent == null ? null : parent.chainId(), null, new ByteArrayInputStream(tar),
                    n -> {});
            topFirst.addFirst(parent);
        }
        return topFirst;
    }

    @Test
    void mountsLowerDirsTopFirstThroughShortLinks() throws Exception {
        List<Layer> topFirst = layers(3);
        Path c = temp.resolve("containers/x");
        mounts.mount(topFirst, c.resolve("upper"), c.resolve("work"), c.resolve("merged"));
        Path l = temp.resolve("layers/l");
        String lower = String.join(":",
                topFirst.stream().map(x -> l.resolve(OverlayMounts.shortId(x.chainId())).toString()).toList());
        assertEquals(List
                .of("mount overlay " + c.resolve("merged") + " lowerdir=" + lower + ",upperdir=" + c.resolve("upper")
                        + ",workdir=" + c.resolve("work")),
                sys.calls);
        for (Layer layer : topFirst) {
            Path link = l.resolve(OverlayMounts.shortId(layer.chainId()));
            assertEquals(Path.of("../" + layer.chainId().hex() + "/diff"), Files.readSymbolicLink(link));
            assertEquals(layer.diffDir().toRealPath(), link.toRealPath());
        }
        assertTrue(Files.isDirectory(c.resolve("work")));
        assertEquals(3, store.list().size(), "the l/ directory is not a layer");

        store.remove(topFirst.getFirst().chainId());
        assertFalse(
                Files.exists(l.resolve(OverlayMounts.shortId(topFirst.getFirst().chainId())),
                        java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "removing a layer removes its short link");
    }

    @Test
    void refusesOptionsLongerThanAPage() {
        // Under a data root with a 100-character name, 30 short links of ~150 bytes overflow the page.
        Path deep = temp.resolve("d".repeat(100));
        store = new LayerStore(deep, new FileSyscallsFake());
        mounts = new OverlayMounts(deep, sys);
        List<Layer> many = layers(30);
        Path c = temp.resolve("c");
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> mounts.mount(many, c.resolve("u"), c.resolve("w"), c.resolve("m")));
        assertTrue(e.getMessage().contains("too many layers"), e.getMessage());
        assertTrue(sys.calls.isEmpty());
    }

    @Test
    void refusesPathsThatWouldBreakTheOptionSyntax() {
        List<Layer> one = layers(1);
        assertThrows(InvalidArgumentException.class,
                () -> mounts.mount(one, temp.resolve("a,b"), temp.resolve("w"), temp.resolve("m")));
        assertThrows(InvalidArgumentException.class,
                () -> mounts.mount(one, temp.resolve("u"), temp.resolve("w:x"), temp.resolve("m")));
        assertTrue(sys.calls.isEmpty());
    }

    @Test
    void anImageWithoutLayersGetsAnEmptyLowerDir() {
        mounts.mount(List.of(), temp.resolve("u"), temp.resolve("w"), temp.resolve("m"));
        Path empty = temp.toAbsolutePath().resolve("layers").resolve("empty");
        assertEquals(List.of("mount overlay " + temp.resolve("m") + " lowerdir=" + empty + ",upperdir="
                + temp.resolve("u").toAbsolutePath()
                + ",workdir=" + temp.resolve("w").toAbsolutePath()), sys.calls);
        assertTrue(Files.isDirectory(empty));
    }

    @Test
    void unmountIsIdempotentAndDetachesWhenBusy() {
        Path m = temp.resolve("m");
        sys.umountErrnos.add(FileSyscallsException.EINVAL);
        mounts.unmount(m);
        sys.umountErrnos.add(FileSyscallsException.EBUSY);
        mounts.unmount(m);
        assertEquals(List.of("umount2 " + m + " 0", "umount2 " + m + " 0", "umount2 " + m + " 2"), sys.calls);
        sys.umountErrnos.add(1);
        assertThrows(EngineException.class, () -> mounts.unmount(m));
    }
}
