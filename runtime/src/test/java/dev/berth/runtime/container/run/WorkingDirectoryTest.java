package dev.berth.runtime.container.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDirectoryTest {
    @TempDir
    Path root;

    @Test
    void createsEveryMissingComponentWithMode755() throws IOException {
        Files.createDirectories(root.resolve("opt"));
        WorkingDirectory.create(root, "/opt/app/src");
        assertTrue(Files.isDirectory(root.resolve("opt/app/src")));
        assertEquals("rwxr-xr-x",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("opt/app"))));
        WorkingDirectory.create(root, "/opt/app/src"); // a second start finds it there
    }

    @Test
    void aSymlinkThatPointsOutOfTheRootStaysInside(@TempDir Path outside) throws IOException {
        Files.createSymbolicLink(root.resolve("escape"), outside.resolve("target"));
        WorkingDirectory.create(root, "/escape/work");
        assertFalse(Files.exists(outside.resolve("target")), "nothing is created outside the root");
        assertTrue(Files.isDirectory(root.resolve(outside.resolve("target").toString().substring(1)).resolve("work")));
    }

    @Test
    void aFileInThePathIsAClearError() throws IOException {
        Files.writeString(root.resolve("app"), "not a directory");
        var e = assertThrows(InvalidArgumentException.class, () -> WorkingDirectory.create(root, "/app/x"));
        assertEquals("Cannot mkdir: /app is not a directory", e.getMessage());
    }

    @Test
    void theRootAndNothingAreLeftAlone() {
        WorkingDirectory.create(root, "");
        WorkingDirectory.create(root, "/");
        assertThrows(InvalidArgumentException.class, () -> WorkingDirectory.create(root, "relative"));
    }
}
