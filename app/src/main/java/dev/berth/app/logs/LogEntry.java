package dev.berth.app.logs;

import dev.berth.app.engine.LogLine;
import java.time.Instant;
import java.util.List;

/** One log line as the view needs it: parsed once on arrival, so scrolling never re-parses ANSI codes. */
public record LogEntry(long number, LogLine.Stream stream, Instant time, String plain, List<AnsiText.Span> spans) {

    static LogEntry of(long number, LogLine line) {
        List<AnsiText.Span> spans = AnsiText.parse(line.text());
        StringBuilder plain = new StringBuilder();
        spans.forEach(s -> plain.append(s.text()));
        return new LogEntry(number, line.stream(), line.time(), plain.toString(), List.copyOf(spans));
    }

    /** The line as copied or saved: with its timestamp when those are shown. */
    public String render(boolean withTime) {
        return withTime && !time.equals(Instant.EPOCH) ? time + " " + plain : plain;
    }
}
