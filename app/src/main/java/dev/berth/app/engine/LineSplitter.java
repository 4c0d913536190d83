package dev.berth.app.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Turns log frames of one stream into {@link LogLine}s: a frame may hold several lines or part of one (and a
 * UTF-8 character may be cut between frames), so bytes are kept until a newline. Each line starts with the
 * RFC 3339 timestamp the engine adds with {@code timestamps=1}.
 */
final class LineSplitter {
    private final LogLine.Stream stream;
    private final Consumer<LogLine> sink;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    LineSplitter(LogLine.Stream stream, Consumer<LogLine> sink) {
        this.stream = stream;
        this.sink = sink;
    }

    void accept(byte[] data) {
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                partial.write(data, start, i - start);
                emit();
                start = i + 1;
            }
        }
        partial.write(data, start, data.length - start);
    }

    /** Emits what is left without a final newline (the log ended mid-line). */
    void flush() {
        if (partial.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String raw = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (raw.endsWith("\r")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        sink.accept(parse(stream, raw));
    }

    /** Splits {@code 2024-05-01T10:00:00.123456789Z text} into time and text; a line without one keeps it all. */
    static LogLine parse(LogLine.Stream stream, String raw) {
        int space = raw.indexOf(' ');
        if (space > 0 && raw.charAt(0) >= '0' && raw.charAt(0) <= '9') {
            try {
                return new LogLine(stream, Instant.parse(raw.substring(0, space)), raw.substring(space + 1));
            } catch (DateTimeParseException notATime) {
                // Fall through: the line itself starts with digits.
            }
        }
        return new LogLine(stream, Instant.EPOCH, raw);
    }
}
