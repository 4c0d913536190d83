package dev.berth.runtime.container.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerPathsTest {
    @TempDir
    Path root;

    @Test
    void absoluteSymlinksResolveInsideTheRoot() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("/etc"));
        assertEquals(root.resolve("etc/passwd"), ContainerPaths.resolve(root, "/link/passwd", true));
    }

    @Test
    void dotDotStopsAtTheRoot() throws Exception {
        Files.createDirectories(root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/up"), Path.of("../../../../etc"));
        assertEquals(root.resolve("etc/shadow"), ContainerPaths.resolve(root, "/a/up/shadow", true));
        assertEquals(root.resolve("etc"), ContainerPaths.resolve(root, "/../../etc", true));
    }

    @Test
    void theLastSymlinkIsKeptUnlessFollowed() throws Exception {
        Files.createSymbolicLink(root.resolve("l"), Path.of("/target"));
        assertEquals(root.resolve("l"), ContainerPaths.resolve(root, "/l", false));
        assertEquals(root.resolve("target"), ContainerPaths.resolve(root, "/l", true));
    }

    @Test
    void symlinkLoopsAreRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("x"), Path.of("/y"));
        Files.createSymbolicLink(root.resolve("y"), Path.of("/x"));
        assertThrows(InvalidArgumentException.class, () -> ContainerPaths.resolve(root, "/x/file", true));
    }

    @Test
    void containerPathOfTheRootIsSlash() {
        assertEquals("/", ContainerPaths.toContainerPath(root, root));
        assertEquals("/etc/hosts", ContainerPaths.toContainerPath(root, root.resolve("etc/hosts")));
    }
}
