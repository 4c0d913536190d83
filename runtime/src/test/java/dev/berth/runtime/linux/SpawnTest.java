package dev.berth.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posix_spawn from the JVM: exit codes, output, env, and no leaked JVM fds in the child. */
class SpawnTest {
    @TempDir
    Path dir;

    @Test
    void reportsExitCodeOutputAndEnvironment() throws Exception {
        Path out = dir.resolve("out");
        int pid = Spawn.start(List.of("/bin/sh", "-c", "echo \"$GREETING\"; echo err >&2; exit 7"),
                Map.of("GREETING", "hello"), List.of(), out, dir);
        assertEquals(7, Spawn.await(pid, Duration.ofSeconds(10)).orElseThrow());
        assertEquals("hello\nerr\n", Files.readString(out));
    }

    @Test
    void childSeesOnlyStdioAndTheFdsItWasGiven() throws Exception {
        Path given = Files.writeString(dir.resolve("given"), "x");
        Path out = dir.resolve("out");
        // An fd the JVM holds open (FileInputStream opens without O_CLOEXEC) must not reach the child.
        try (FileInputStream held = new FileInputStream(given.toFile())) {
            int pid = Spawn.start(List.of("/bin/sh", "-c", "ls /proc/$$/fd"), Map.of(),
                    List.of(new Spawn.ChildFd(5, given, false)), out, dir);
            assertEquals(0, Spawn.await(pid, Duration.ofSeconds(10)).orElseThrow());
        }
        // sh itself may open one fd (e.g. 10 for the script); everything else is stdio and fd 5.
        List<String> fds = Files.readAllLines(out).stream().filter(f -> !f.equals("10")).toList();
        assertEquals(List.of("0", "1", "2", "5"), fds);
    }

    @Test
    void theChildRunsInTheDirectoryItIsGivenNotTheEngines() throws Exception {
        // conmon writes an "oom" file into its working directory: that must be the container's, never berthd's.
        Path work = Files.createDirectory(dir.resolve("work"));
        Path out = dir.resolve("out");
        int pid = Spawn.start(List.of("/bin/sh", "-c", "pwd; touch oom"), Map.of(), List.of(), out, work);
        assertEquals(0, Spawn.await(pid, Duration.ofSeconds(10)).orElseThrow());
        assertEquals(work.toRealPath() + "\n", Files.readString(out));
        assertTrue(Files.exists(work.resolve("oom")));
    }

    @Test
    void aMissingProgramIsAnError() {
        assertThrows(IOException.class,
                () -> Spawn.start(List.of("/nonexistent/prog"), Map.of(), List.of(), dir.resolve("o"), dir));
    }

    @Test
    void aKilledChildReportsTheSignal() throws Exception {
        int pid = Spawn.start(List.of("/bin/sh", "-c", "kill -9 $$"), Map.of(), List.of(), dir.resolve("o"), dir);
        assertEquals(137, Spawn.await(pid, Duration.ofSeconds(10)).orElseThrow());
    }
}
