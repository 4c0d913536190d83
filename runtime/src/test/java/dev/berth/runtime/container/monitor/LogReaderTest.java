package dev.berth.runtime.container.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
    private static final String LOG = """
            2026-11-23T18:13:29.066276111+00:00 stdout F hi
            2026-11-23T18:13:30.000000000+00:00 stderr F err
            2026-11-23T18:13:31.000000000+00:00 stdout P long li
            2026-11-23T18:13:31.500000000+00:00 stdout F ne
            2026-11-23T18:13:32.000000000+01:00 stdout F
            2026-11-23T18:13:33.000000000+00:00 stdout P no newline at end
            """;
    @TempDir
    Path dir;

    private LogReader reader() throws Exception {
        Path file = dir.resolve("container.log");
        Files.writeString(file, LOG);
        return new LogReader(file);
    }

    private static String join(List<LogLine> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.stream()).append(':').append(l.text()));
        return b.toString();
    }

    @Test
    void parsesStreamsPartialsAndEmptyLines() throws Exception {
        List<LogLine> all = reader().read(LogQuery.all());
        assertEquals(6, all.size());
        assertEquals(Instant.parse("2026-11-23T18:13:29.066276111Z"), all.getFirst().time());
        assertEquals("1:hi\n2:err\n1:long li1:ne\n1:\n1:no newline at end", join(all));
        assertTrue(all.get(2).partial());
        assertFalse(all.get(3).partial());
        assertEquals(Instant.parse("2026-11-23T17:13:32Z"), all.get(4).time());
    }

    @Test
    void streamsAndTimeWindow() throws Exception {
        LogReader r = reader();
        assertEquals("2:err\n", join(r.read(new LogQuery(false, true, null, null, -1, false))));
        assertEquals("2:err\n1:long li", join(r.read(new LogQuery(true, true,
                Instant.parse("2026-11-23T18:13:30Z"), Instant.parse("2026-11-23T18:13:31.2Z"), -1, false))));
    }

    @Test
    void tailCountsWholeLines() throws Exception {
        LogReader r = reader();
        assertEquals("1:no newline at end", join(r.read(LogQuery.all().withTail(1))));
        assertEquals("1:long li1:ne\n1:\n1:no newline at end", join(r.read(LogQuery.all().withTail(3))));
        assertEquals("", join(r.read(LogQuery.all().withTail(0))));
        assertEquals(6, r.read(LogQuery.all().withTail(100)).size());
    }

    @Test
    void missingFileIsEmpty() throws Exception {
        assertEquals(List.of(), new LogReader(dir.resolve("none")).read(LogQuery.all()));
    }

    @Test
    void followTailsNewRecordsAndWaitsForWholeLines() throws Exception {
        Path file = dir.resolve("f.log");
        Files.writeString(file, "2026-11-23T18:13:29.000000000+00:00 stdout F one\n");
        AtomicBoolean exited = new AtomicBoolean();
        List<String> got = new ArrayList<>();
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
                Files.writeString(file, "2026-11-23T18:13:30.000000000+00:00 stdout F tw", StandardOpenOption.APPEND);
                Thread.sleep(300);
                Files.writeString(file, "o\n", StandardOpenOption.APPEND);
                Thread.sleep(300);
                exited.set(true);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        new LogReader(file).follow(LogQuery.all().following(),
                l -> got.add(new String(l.data(), StandardCharsets.UTF_8)), exited::get);
        writer.join();
        assertEquals(List.of("one\n", "two\n"), got);
    }

    @Test
    void followStopsWhenTheSinkSaysSo() throws Exception {
        List<String> got = new ArrayList<>();
        reader().follow(LogQuery.all().following(), l -> got.add(l.text()) && got.size() < 2, () -> false);
        assertEquals(2, got.size());
    }
}
