package dev.berth.runtime.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.events.EventBus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60) // a copy that opens a fifo would block forever
class SeedFromTest {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final FileTime OLD = FileTime.from(Instant.parse("2020-02-03T04:05:06Z"));

    @TempDir
    Path dataRoot;
    @TempDir
    Path image;

    VolumeStore store;
    Volume volume;

    @BeforeEach
    void setUp() {
        store = new VolumeStore(dataRoot, new EventBus());
        volume = store.create(CreateRequest.named("seeded"));
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", NOFOLLOW) & 07777;
    }

    private static void chmod(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode);
    }

    @Test
    void copiesFilesDirectoriesModesSymlinksHardLinksAndTimes() throws IOException {
        Path confD = Files.createDirectories(image.resolve("etc/conf.d"));
        chmod(confD, 0700);
        Files.writeString(image.resolve("etc/app.conf"), "port=80\n");
        chmod(image.resolve("etc/app.conf"), 0640);
        Path tool = Files.writeString(image.resolve("tool"), "#!/bin/sh\n");
        chmod(tool, 04755);
        chmod(image.resolve("etc"), 0750);
        Files.createSymbolicLink(image.resolve("current"), Path.of("etc/app.conf"));
        Files.createSymbolicLink(image.resolve("dangling"), Path.of("/nowhere/at/all"));
        Files.createLink(image.resolve("tool-alias"), tool);
        Files.setLastModifiedTime(image.resolve("etc/app.conf"), OLD);
        Files.setLastModifiedTime(image.resolve("etc"), OLD);
        chmod(image, 0711);

        assertTrue(store.seedFrom("seeded", image));

        Path data = volume.mountpoint();
        assertEquals("port=80\n", Files.readString(data.resolve("etc/app.conf")));
        assertEquals(0640, mode(data.resolve("etc/app.conf")));
        assertEquals(04755, mode(data.resolve("tool")));
        assertEquals(0750, mode(data.resolve("etc")));
        assertEquals(0700, mode(data.resolve("etc/conf.d")));
        assertEquals(0711, mode(data), "the volume root takes the image directory's mode");
        assertTrue(Files.isSymbolicLink(data.resolve("current")));
        assertEquals(Path.of("etc/app.conf"), Files.readSymbolicLink(data.resolve("current")));
        assertEquals(Path.of("/nowhere/at/all"), Files.readSymbolicLink(data.resolve("dangling")));
        assertEquals(Files.readAttributes(data.resolve("tool"), BasicFileAttributes.class).fileKey(),
                Files.readAttributes(data.resolve("tool-alias"), BasicFileAttributes.class).fileKey(),
                "hard link kept");
        assertEquals(OLD, Files.getLastModifiedTime(data.resolve("etc/app.conf")));
        assertEquals(OLD, Files.getLastModifiedTime(data.resolve("etc")), "directory time set after its children");
    }

    @Test
    void copiesOwnersFifosAndUserXattrsAsRoot() throws IOException {
        assumeTrue((Integer) Files.getAttribute(image, "unix:uid") == 0 && isRoot(), "needs root to chown");
        Path owned = Files.writeString(image.resolve("owned"), "x");
        Files.setAttribute(owned, "unix:uid", 1234);
        Files.setAttribute(owned, "unix:gid", 5678);
        Path link = Files.createSymbolicLink(image.resolve("owned-link"), Path.of("owned"));
        Files.setAttribute(link, "unix:uid", 4321, NOFOLLOW);
        Xattrs.mknod(image.resolve("pipe"), 0010644, 0);
        boolean xattrs = Xattrs.set(owned, "user.berth.test", "hello".getBytes(StandardCharsets.UTF_8));

        assertTrue(store.seedFrom("seeded", image));

        Path data = volume.mountpoint();
        assertEquals(1234, Files.getAttribute(data.resolve("owned"), "unix:uid"));
        assertEquals(5678, Files.getAttribute(data.resolve("owned"), "unix:gid"));
        assertEquals(4321, Files.getAttribute(data.resolve("owned-link"), "unix:uid", NOFOLLOW),
                "symlink owner via lchown");
        assertEquals(0010000, (Integer) Files.getAttribute(data.resolve("pipe"), "unix:mode", NOFOLLOW) & 0170000,
                "a fifo");
        if (xattrs) {
            assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8),
                    Xattrs.get(data.resolve("owned"), "user.berth.test"));
            assertTrue(Xattrs.list(data.resolve("owned")).contains("user.berth.test"));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void doesNothingWhenTheVolumeHasContent() throws IOException {
        Files.writeString(image.resolve("from-image"), "image");
        Files.writeString(volume.mountpoint().resolve("mine"), "user data");

        assertFalse(store.seedFrom("seeded", image));

        try (var entries = Files.list(volume.mountpoint())) {
            assertEquals(List.of(volume.mountpoint().resolve("mine")), entries.toList());
        }
    }

    @Test
    void secondUseDoesNotCopyAgain() throws IOException {
        Files.writeString(image.resolve("f"), "v1");
        assertTrue(store.seedFrom("seeded", image));
        Files.writeString(volume.mountpoint().resolve("f"), "changed by the container");
        Files.writeString(image.resolve("g"), "new in a later image");

        assertFalse(store.seedFrom("seeded", image));

        assertEquals("changed by the container", Files.readString(volume.mountpoint().resolve("f")));
        assertFalse(Files.exists(volume.mountpoint().resolve("g")));
    }

    @Test
    void aMissingImagePathOrVolume() throws IOException {
        assertFalse(store.seedFrom("seeded", image.resolve("not-in-image")));
        Files.writeString(image.resolve("file"), "x");
        assertFalse(store.seedFrom("seeded", image.resolve("file")),
                "a file at the mount path is not copied into a directory");
        Files.createSymbolicLink(image.resolve("dir-link"), image);
        assertFalse(store.seedFrom("seeded", image.resolve("dir-link")),
                "symlinks are not followed out of the root fs");
        assertThrows(NotFoundException.class, () -> store.seedFrom("nosuch", image));
    }
}
