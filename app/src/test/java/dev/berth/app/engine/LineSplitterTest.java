package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    @Test
    void framesAreJoinedIntoLinesEvenMidCharacter() {
        List<LogLine> lines = new ArrayList<>();
        LineSplitter s = new LineSplitter(LogLine.Stream.STDERR, lines::add);
        byte[] all = "2026-01-01T10:00:00.123456789Z 안녕\n2026-01-01T10:00:01Z two\r\npartial"
                .getBytes(StandardCharsets.UTF_8);
        // Cut inside the first Hangul syllable (3 bytes in UTF-8).
        int cut = "2026-01-01T10:00:00.123456789Z ".length() + 1;
        s.accept(java.util.Arrays.copyOfRange(all, 0, cut));
        s.accept(java.util.Arrays.copyOfRange(all, cut, all.length));
        assertEquals(2, lines.size());
        assertEquals(new LogLine(LogLine.Stream.STDERR, Instant.parse("2026-01-01T10:00:00.123456789Z"), "안녕"),
                lines.get(0));
        assertEquals("two", lines.get(1).text());
        s.flush();
        assertEquals(new LogLine(LogLine.Stream.STDERR, Instant.EPOCH, "partial"), lines.get(2));
    }

    @Test
    void aStatModeBecomesAnEntry() {
        FileEntry dir = DockerJavaInside.toEntry("etc", (1L << 31) | 0755, 4096, Instant.EPOCH, "");
        assertEquals(FileEntry.Type.DIRECTORY, dir.type());
        assertEquals("drwxr-xr-x", dir.modeString());
        FileEntry link = DockerJavaInside.toEntry("sh", (1L << 27) | 0777, 7, Instant.EPOCH, "busybox");
        assertEquals(FileEntry.Type.SYMLINK, link.type());
        assertEquals("busybox", link.linkTarget());
    }
}
