package dev.berth.runtime.container.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRotationTest {
    @TempDir
    Path dir;
    private final LogRotation rotation = new LogRotation();

    private Path log() {
        return dir.resolve("container.log");
    }

    /** The record texts of {@code files} in order. */
    private static List<String> texts(List<Path> files) throws Exception {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.exists(f)) {
                Files.readAllLines(f).forEach(l -> out.add(l.substring(l.lastIndexOf(' ') + 1)));
            }
        }
        return out;
    }

    @Test
    void keepsTheFinishedFileAcrossConmonsRenameAndShiftsOlderOnes() throws Exception {
        LogFiles files = new LogFiles(log(), 3);
        ConmonLikeLog conmon = new ConmonLikeLog(log(), 1_000_000);
        conmon.write("a1");
        assertFalse(rotation.settle(files), "first look only links");
        assertTrue(Files.isSameFile(files.live(), log()));
        assertFalse(rotation.settle(files), "nothing changed");

        conmon.rotate();
        conmon.write("b1");
        assertTrue(rotation.settle(files));
        assertEquals(List.of("a1"), texts(List.of(files.rotated(1))));
        assertTrue(Files.isSameFile(files.live(), log()));

        conmon.rotate();
        conmon.write("c1");
        assertTrue(rotation.settle(files));
        conmon.rotate();
        conmon.write("d1");
        assertTrue(rotation.settle(files));
        // max-file=3: the live file and two rotated ones; "a1" fell out.
        assertEquals(List.of(files.rotated(2), files.rotated(1), log()), files.oldestFirst());
        assertEquals(List.of("b1", "c1", "d1"), texts(files.oldestFirst()));
        assertFalse(Files.exists(files.rotated(3)));
    }

    @Test
    void settledOftenEnoughNoLineIsLostAndAtMostMaxFilesRemain() throws Exception {
        LogFiles files = new LogFiles(log(), 4);
        ConmonLikeLog conmon = new ConmonLikeLog(log(), 500);
        for (int i = 1; i <= 300; i++) {
            conmon.write(Integer.toString(i));
            rotation.settle(files);
        }
        List<String> kept = texts(files.oldestFirst());
        int first = Integer.parseInt(kept.getFirst());
        assertEquals("300", kept.getLast());
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(Integer.toString(first + i), kept.get(i), "contiguous: " + kept);
        }
        assertTrue(kept.size() > 3 * 500 / 60, "three full rotated files kept, had " + kept.size());
        try (var listing = Files.list(dir)) {
            // container.log, .live (same inode as container.log) and at most three rotated files
            assertTrue(listing.filter(p -> !p.getFileName().toString().endsWith(".live")).count() <= 4);
        }
    }

    @Test
    void twoRotationsBetweenLooksLoseTheMiddleFile() throws Exception {
        // The documented limit: a file conmon both created and replaced while berthd was not looking is gone.
        LogFiles files = new LogFiles(log(), 5);
        ConmonLikeLog conmon = new ConmonLikeLog(log(), 1_000_000);
        conmon.write("a");
        rotation.settle(files);
        conmon.rotate();
        conmon.write("b");
        conmon.rotate();
        conmon.write("c");
        assertTrue(rotation.settle(files));
        assertEquals(List.of("a", "c"), texts(files.oldestFirst()));
    }

    @Test
    void maxFileOneKeepsNothingButWhatConmonWrites() throws Exception {
        LogFiles files = new LogFiles(log(), 1);
        ConmonLikeLog conmon = new ConmonLikeLog(log(), 1_000_000);
        conmon.write("a");
        conmon.rotate();
        conmon.write("b");
        assertFalse(rotation.settle(files));
        assertFalse(Files.exists(files.live()));
        assertEquals(List.of(log()), files.oldestFirst());
        assertEquals(List.of("b"), texts(files.oldestFirst()));
    }

    @Test
    void aLogNotCreatedYetIsLeftAlone() {
        LogFiles files = new LogFiles(log(), 3);
        assertFalse(rotation.settle(files));
        assertFalse(Files.exists(files.live()));
        assertEquals(List.of(log()), files.oldestFirst());
    }

    @Test
    void aFreshBookkeeperPicksUpWhereTheLastOneStopped() throws Exception {
        // berthd restarted: the .live link on disk is the state, not memory.
        LogFiles files = new LogFiles(log(), 3);
        ConmonLikeLog conmon = new ConmonLikeLog(log(), 1_000_000);
        conmon.write("a");
        rotation.settle(files);
        conmon.rotate();
        conmon.write("b");
        assertTrue(new LogRotation().settle(files));
        assertEquals(List.of("a", "b"), texts(files.oldestFirst()));
    }

    @Test
    void maxFileBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LogFiles(log(), 0));
    }
}
