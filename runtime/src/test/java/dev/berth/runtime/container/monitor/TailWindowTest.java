package dev.berth.runtime.container.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TailWindowTest {
    private static LogLine rec(int i, boolean partial) {
        return new LogLine(Instant.EPOCH.plusSeconds(i), 1, partial, ("r" + i).getBytes());
    }

    /** The definition, over the whole list at once: walk back from the end, counting line ends. */
    private static List<LogLine> reference(List<LogLine> lines, int n) {
        int seen = 0;
        int from = lines.size();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).partial() || i == lines.size() - 1) {
                if (seen == n) {
                    break;
                }
                seen++;
            }
            from = i;
        }
        return lines.subList(from, lines.size());
    }

    @Test
    void keepsTheSameRecordsAsTheDefinitionForAnyMixOfPartialRecords() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            List<LogLine> lines = new ArrayList<>();
            int size = random.nextInt(30);
            for (int i = 0; i < size; i++) {
                lines.add(rec(i, random.nextInt(3) == 0));
            }
            int n = random.nextInt(8);
            assertEquals(reference(lines, n), TailWindow.of(lines, n),
                    "n=" + n + " partials=" + lines.stream().map(LogLine::partial).toList());
        }
    }

    @Test
    void aLineSplitIntoPartialRecordsIsKeptWhole() {
        List<LogLine> lines = List.of(rec(0, false), rec(1, true), rec(2, true), rec(3, false));
        assertEquals(lines.subList(1, 4), TailWindow.of(lines, 1));
        assertEquals(List.of(), TailWindow.of(lines, 0));
        assertEquals(lines, TailWindow.of(lines, -1));
    }
}
