package dev.berth.runtime.container.monitor;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last {@code n} lines of a log as its records stream past, in memory for those lines only. A line is a run of
 * partial records ended by a full one; a run of partial records at the very end counts as a line too.
 */
final class TailWindow {
    private final int n;
    private final ArrayDeque<LogLine> records = new ArrayDeque<>();
    private int fullRecords;

    TailWindow(int n) {
        this.n = n;
    }

    /** Takes one record, forgetting the oldest line when there are more than {@code n}; always true (keep going). */
    boolean add(LogLine line) {
        if (n <= 0) {
            return true;
        }
        records.addLast(line);
        if (!line.partial()) {
            fullRecords++;
        }
        while (lines() > n) {
            LogLine dropped;
            do {
                dropped = records.removeFirst();
            } while (dropped.partial());
            fullRecords--;
        }
        return true;
    }

    private int lines() {
        return fullRecords + (!records.isEmpty() && records.peekLast().partial() ? 1 : 0);
    }

    /** Sends the kept records to {@code sink}, oldest first; false if it said stop. */
    boolean drainTo(Predicate<LogLine> sink) {
        while (!records.isEmpty()) {
            if (!sink.test(records.removeFirst())) {
                return false;
            }
        }
        return true;
    }

    /** The last {@code n} lines of {@code lines} (all of them when {@code n} is negative). */
    static List<LogLine> of(List<LogLine> lines, int n) {
        if (n < 0) {
            return lines;
        }
        TailWindow w = new TailWindow(n);
        lines.forEach(w::add);
        List<LogLine> out = new java.util.ArrayList<>();
        w.drainTo(out::add);
        return out;
    }
}
