package dev.berth.runtime.container.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Reads a container log in conmon's k8s-file format (ctr_logging.c):
 * {@code 2006-01-02T15:04:05.999999999+07:00 stdout F hello}. Follow mode tails the file, waiting for
 * whole records (conmon may be mid-write), and notices truncation by --log-size-max.
 */
public final class LogReader {
    private static final Duration POLL = Duration.ofMillis(100);
    private final Path file;

    public LogReader(Path file) {
        this.file = file;
    }

    /** Parses one record line (without its newline); empty for a malformed line, which is skipped. */
    static Optional<LogLine> parse(byte[] line, int from, int to) {
        int s1 = indexOf(line, from, to, (byte) ' ');
        int s2 = s1 < 0 ? -1 : indexOf(line, s1 + 1, to, (byte) ' ');
        if (s2 < 0) {
            return Optional.empty();
        }
        int s3 = indexOf(line, s2 + 1, to, (byte) ' ');
        int tagEnd = s3 < 0 ? to : s3;
        try {
            Instant time = OffsetDateTime.parse(new String(line, from, s1 - from, StandardCharsets.US_ASCII)).toInstant();
            String stream = new String(line, s1 + 1, s2 - s1 - 1, StandardCharsets.US_ASCII);
            String tag = new String(line, s2 + 1, tagEnd - s2 - 1, StandardCharsets.US_ASCII);
            boolean partial = tag.contains("P");
            int dataStart = s3 < 0 ? to : s3 + 1;
            byte[] data = new byte[to - dataStart + (partial ? 0 : 1)];
            System.arraycopy(line, dataStart, data, 0, to - dataStart);
            if (!partial) {
                data[data.length - 1] = '\n';
            }
            return Optional.of(new LogLine(time, stream.equals("stderr") ? 2 : 1, partial, data));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The records matching {@code query} that are in the file now (follow is ignored). */
    public List<LogLine> read(LogQuery query) throws IOException {
        List<LogLine> all = new ArrayList<>();
        try {
            byte[] content = Files.readAllBytes(file);
            parseAll(content, content.length, all);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<LogLine> matching = all.stream().filter(query::wants).toList();
        return tail(matching, query.tail());
    }

    /**
     * Sends matching records to {@code sink} — first what is there (honouring tail), then new records as they
     * are written — until {@code sink} returns false, or {@code finished} is true and the file has no more.
     * Pass the container's "has exited" check as {@code finished}.
     */
    public void follow(LogQuery query, Predicate<LogLine> sink, BooleanSupplier finished) throws IOException, InterruptedException {
        while (!Files.exists(file)) {
            if (finished.getAsBoolean()) {
                return;
            }
            Thread.sleep(POLL);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            boolean first = true;
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (true) {
                if (ch.size() < position) {
                    position = 0; // truncated by conmon's --log-size-max
                    pending.reset();
                }
                boolean wasFinished = finished.getAsBoolean();
                int n;
                while ((n = ch.read(buf.clear(), position)) > 0) {
                    position += n;
                    pending.write(buf.array(), 0, n);
                }
                byte[] bytes = pending.toByteArray();
                List<LogLine> lines = new ArrayList<>();
                int consumed = parseAll(bytes, bytes.length, lines);
                pending.reset();
                pending.write(bytes, consumed, bytes.length - consumed);
                List<LogLine> matching = lines.stream().filter(query::wants).toList();
                if (first) {
                    matching = tail(matching, query.tail());
                    first = false;
                }
                for (LogLine line : matching) {
                    if (!sink.test(line)) {
                        return;
                    }
                }
                if (wasFinished || (query.until() != null && Instant.now().isAfter(query.until()))) {
                    return;
                }
                Thread.sleep(POLL);
            }
        }
    }

    /** Parses complete lines of {@code bytes[0..length)} into {@code out}; returns how many bytes were consumed. */
    private static int parseAll(byte[] bytes, int length, List<LogLine> out) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                parse(bytes, start, i).ifPresent(out::add);
                start = i + 1;
            }
        }
        return start;
    }

    /** The last {@code n} lines, where a line is a run of partial records ended by a full one. */
    static List<LogLine> tail(List<LogLine> lines, int n) {
        if (n < 0) {
            return lines;
        }
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

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
