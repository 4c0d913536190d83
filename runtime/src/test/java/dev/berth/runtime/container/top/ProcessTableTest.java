package dev.berth.runtime.container.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTableTest {
    @TempDir
    Path root;

    @Test
    void buildsPsEfRowsFromProc() throws IOException {
        Path proc = root.resolve("proc");
        Path p = Files.createDirectories(proc.resolve("42"));
        // comm with a space and a parenthesis; utime 150 + stime 50 ticks = 2 s; started at 100 s after boot.
        Files.writeString(p.resolve("stat"),
                "42 (my (app)) S 1 42 42 34817 42 0 0 0 0 0 150 50 0 0 20 0 1 0 10000 0 0\n");
        Files.writeString(p.resolve("status"), "Name:\tapp\nUid:\t1000\t1000\t1000\t1000\n");
        Files.write(p.resolve("cmdline"), "sleep\0".concat("77\0").getBytes());
        Files.writeString(proc.resolve("uptime"), "300.00 100.00\n");
        Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1700000000\n");
        Path passwd = Files.writeString(root.resolve("passwd"),
                "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");

        ProcessTable.Table t = new ProcessTable(proc, passwd).table(List.of(42L, 999L));
        assertEquals(ProcessTable.TITLES, t.titles());
        assertEquals(1, t.processes().size(), "a pid that vanished is skipped");
        List<String> row = t.processes().get(0);
        assertEquals("alice", row.get(0));
        assertEquals("42", row.get(1));
        assertEquals("1", row.get(2));
        assertEquals("1", row.get(3)); // 2 s of CPU over 200 s alive
        assertEquals("pts/1", row.get(5));
        assertEquals("00:00:02", row.get(6));
        assertEquals("sleep 77", row.get(7));
    }

    @Test
    void formatsLikePs() {
        assertEquals("?", ProcessTable.tty(0));
        assertEquals("tty1", ProcessTable.tty((4 << 8) | 1));
        assertEquals("01:01:01", ProcessTable.time(3661));
        assertEquals("2-00:00:05", ProcessTable.time(2 * 86400 + 5));
        assertTrue(ProcessTable.stime(0).matches("[A-Z][a-z]{2}\\d{2}"));
    }
}
