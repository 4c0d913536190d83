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
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads a container log in conmon's k8s-file format (ctr_logging.c):
 * {@code 2006-01-02T15:04:05.999999999+07:00 stdout F hello}. A log may be spread over several files after
 * size rotation; {@code segments} lists them oldest first, the one conmon writes last. Follow mode tails the
 * file, waiting for whole records (conmon may be mid-write), and moves on when conmon renames a new file in.
 */
public final class LogReader {
    private static final Duration POLL = Duration.ofMillis(100);
    private final Supplier<List<Path>> segments;

    /** A log in one file (exec sessions, containers without rotation). */
    public LogReader(Path file) {
        this(() -> List.of(file));
    }

    /** A log over the files {@code segments} returns, oldest first, the one being written last; asked again after each rotation. */
    public LogReader(Supplier<List<Path>> segments) {
        this.segments = segments;
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

    /** The records matching {@code query} that are in the files now, oldest first (follow is ignored). */
    public List<LogLine> read(LogQuery query) throws IOException {
        List<LogLine> all = new ArrayList<>();
        for (Path file : segments.get()) {
            readWhole(file, all);
        }
        List<LogLine> matching = all.stream().filter(query::wants).toList();
        return tail(matching, query.tail());
    }

    private static void readWhole(Path file, List<LogLine> out) throws IOException {
        try {
            byte[] content = Files.readAllBytes(file);
            parseAll(content, content.length, out);
        } catch (NoSuchFileException e) {
            // rotated away between listing and reading, or not written yet
        }
    }

    /**
     * Sends matching records to {@code sink} — first what is there (honouring tail), then new records as they
     * are written — until {@code sink} returns false, or {@code finished} is true and the log has no more.
     * Pass the container's "has exited" check as {@code finished}.
     */
    public void follow(LogQuery query, Predicate<LogLine> sink, BooleanSupplier finished) throws IOException, InterruptedException {
        List<Path> files = segments.get();
        Path live = files.getLast();
        while (!Files.exists(live)) {
            if (finished.getAsBoolean()) {
                return;
            }
            Thread.sleep(POLL);
            files = segments.get();
        }
        List<LogLine> backlog = new ArrayList<>();
        Tail tail = next(null, backlog);
        for (LogLine line : tail(backlog.stream().filter(query::wants).toList(), query.tail())) {
            if (!sink.test(line)) {
                tail.close();
                return;
            }
        }
        try {
            while (true) {
                boolean wasFinished = finished.getAsBoolean();
                List<LogLine> lines = new ArrayList<>();
                tail.readNew(lines);
                if (tail.replaced()) {
                    // conmon closed this file before renaming the next one in: what was read is all of it.
                    tail.readNew(lines);
                    tail.close();
                    tail = next(tail.key(), lines);
                }
                for (LogLine line : lines) {
                    if (query.wants(line) && !sink.test(line)) {
                        return;
                    }
                }
                if (wasFinished || (query.until() != null && Instant.now().isAfter(query.until()))) {
                    return;
                }
                Thread.sleep(POLL);
            }
        } finally {
            tail.close();
        }
    }

    /**
     * Opens the file being written and reads into {@code out} the finished files before it: those after the
     * file identified by {@code previous} (after it was rotated away), all kept ones when {@code previous} is
     * null or no longer kept. conmon and the bookkeeping may rename files meanwhile, so each file is checked
     * to still be what the listing said, and the listing is taken again if not.
     */
    private Tail next(Object previous, List<LogLine> out) throws IOException {
        while (true) {
            List<Path> files = segments.get();
            List<Object> keys = files.stream().map(LogReader::key).toList();
            int from = 0;
            for (int i = 0; i < files.size() - 1; i++) {
                if (previous != null && previous.equals(keys.get(i))) {
                    from = i + 1;
                }
            }
            List<LogLine> batch = new ArrayList<>();
            boolean stable = true;
            for (int i = from; i < files.size() - 1 && stable; i++) {
                stable = readIfStill(files.get(i), keys.get(i), batch);
            }
            Tail tail = stable ? new Tail(files.getLast()) : null;
            if (tail != null && tail.key().equals(keys.getLast())) {
                out.addAll(batch);
                tail.readNew(out);
                return tail;
            }
            if (tail != null) {
                tail.close();
            }
        }
    }

    /** Reads {@code file} whole if it is the file {@code key} names before and after (a rotated name only ever moves on). */
    private static boolean readIfStill(Path file, Object key, List<LogLine> out) throws IOException {
        if (key == null || !key.equals(key(file))) {
            return key == null; // vanished from the listing: nothing to read, nothing changed for the rest
        }
        List<LogLine> lines = new ArrayList<>();
        readWhole(file, lines);
        if (!key.equals(key(file))) {
            return false;
        }
        out.addAll(lines);
        return true;
    }

    private static Object key(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** One open log file being followed: what was read of it, and whether a newer file took its name. */
    private static final class Tail implements AutoCloseable {
        private final Path path;
        private final FileChannel channel;
        private final Object key;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        private long position;

        Tail(Path path) throws IOException {
            this.path = path;
            FileChannel ch;
            Object k;
            // Open, then make sure the name still points at what was opened: a rename may fall in between.
            while (true) {
                Object before = LogReader.key(path);
                ch = FileChannel.open(path, StandardOpenOption.READ);
                k = LogReader.key(path);
                if (k != null && k.equals(before)) {
                    break;
                }
                ch.close();
            }
            this.channel = ch;
            this.key = k;
        }

        Object key() {
            return key;
        }

        /** Whether the path now names another file than the one open (conmon rotated or truncated it). */
        boolean replaced() {
            Object now = LogReader.key(path);
            return now != null && !now.equals(key);
        }

        /** Parses the complete records written since the last call into {@code out}. */
        void readNew(List<LogLine> out) throws IOException {
            if (channel.size() < position) {
                position = 0; // truncated in place (not conmon's way, which renames, but cheap to survive)
                pending.reset();
            }
            int n;
            while ((n = channel.read(buf.clear(), position)) > 0) {
                position += n;
                pending.write(buf.array(), 0, n);
            }
            byte[] bytes = pending.toByteArray();
            int consumed = parseAll(bytes, bytes.length, out);
            pending.reset();
            pending.write(bytes, consumed, bytes.length - consumed);
        }

        @Override
        public void close() throws IOException {
            channel.close();
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
