package dev.berth.runtime.container.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.runtime.container.monitor.LogLine;
import dev.berth.runtime.container.monitor.LogQuery;
import dev.berth.runtime.container.monitor.LogReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker logs over rotated files: oldest first, tail across files, follow across a rotation. */
class RotatedLogReadingTest {
    @TempDir
    Path dir;
    private final LogRotation rotation = new LogRotation();

    private LogReader reader(LogFiles files) {
        return new LogReader(() -> {
            rotation.settle(files);
            return files.oldestFirst();
        });
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(l -> l.text().strip()).toList();
    }

    @Test
    void readsAllKeptFilesOldestFirstAndTailsAcrossThem() throws Exception {
        LogFiles files = new LogFiles(dir.resolve("container.log"), 3);
        ConmonLikeLog conmon = new ConmonLikeLog(files.current(), 1_000_000);
        for (String s : List.of("1", "2", "|", "3", "4", "|", "5")) {
            if (s.equals("|")) {
                conmon.rotate();
            } else {
                conmon.write(s);
            }
            rotation.settle(files);
        }
        LogReader reader = reader(files);
        assertEquals(List.of("1", "2", "3", "4", "5"), texts(reader.read(LogQuery.all())));
        assertEquals(List.of("3", "4", "5"), texts(reader.read(LogQuery.all().withTail(3))));
    }

    @Test
    void followCarriesOnIntoTheNextFileWithoutLosingOrRepeatingLines() throws Exception {
        LogFiles files = new LogFiles(dir.resolve("container.log"), 6);
        ConmonLikeLog conmon = new ConmonLikeLog(files.current(), 200);
        conmon.write("0");
        AtomicBoolean exited = new AtomicBoolean();
        // The writer starts once the follower has read the first line (a busy machine once let it rotate "0" away
        // before the follower looked), never after a number of milliseconds.
        java.util.concurrent.CountDownLatch following = new java.util.concurrent.CountDownLatch(1);
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                following.await();
                for (int i = 1; i <= 60; i++) {
                    conmon.write(Integer.toString(i)); // ~50-byte records: a rotation every fourth line
                    rotation.settle(files); // what the engine's watcher does at once
                    if (i % 10 == 0) {
                        Thread.sleep(250); // so the follower sees several rotations at a time, but not more than kept
                    }
                }
                Thread.sleep(200);
                exited.set(true);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        List<String> got = new ArrayList<>();
        // Between two looks of the follower, conmon rotated several times: it must read on through the
        // rotated files after the one it had open, then tail the new one.
        reader(files).follow(LogQuery.all().following(), l -> {
            following.countDown();
            return got.add(l.text().strip());
        }, exited::get);
        writer.join();
        assertEquals("0", got.getFirst());
        assertEquals("60", got.getLast());
        for (int i = 1; i < got.size(); i++) {
            assertEquals(Integer.parseInt(got.get(i - 1)) + 1, Integer.parseInt(got.get(i)),
                    () -> "no gap or repeat: " + got);
        }
    }
}
