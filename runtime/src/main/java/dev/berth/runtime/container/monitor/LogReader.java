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
            Instant time = OffsetDateTime.parse(new String(line, from, s1 - from, StandardCharsets.US_ASCII))
                    .toInstant();
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
        List<LogLine> out = new ArrayList<>();
        read(query, out::add);
        return out;
    }

    /**
     * Sends the records matching {@code query} that are in the files now to {@code sink}, oldest first, until it
     * returns false. Files are read in chunks and a tail keeps only its window, so a log of gigabytes costs its
     * last lines in memory, not its size.
     */
    public void read(LogQuery query, Predicate<LogLine> sink) throws IOException {
        TailWindow window = query.tail() < 0 ? null : new TailWindow(query.tail());
        Predicate<LogLine> each = line -> !query.wants(line) || (window != null ? window.add(line) : sink.test(line));
        for (Path file : segments.get()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (!new Chunks(ch).readTo(each)) {
                    return;
                }
            } catch (NoSuchFileException e) {
                // rotated away between listing and reading, or not written yet
            }
        }
        if (window != null) {
            window.drainTo(sink);
        }
    }

    /**
     * Sends matching records to {@code sink} — first what is there (honouring tail), then new records as they
     * are written — until {@code sink} returns false, or {@code finished} is true and the log has no more.
     * Pass the container's "has exited" check as {@code finished}.
     */
    public void follow(LogQuery query, Predicate<LogLine> sink, BooleanSupplier finished)
            throws IOException, InterruptedException {
        List<Path> files = segments.get();
        Path live = files.getLast();
        while (!Files.exists(live)) {
            if (finished.getAsBoolean()) {
                return;
            }
            Thread.sleep(POLL);
            files = segments.get();
        }
        TailWindow window = query.tail() < 0 ? null : new TailWindow(query.tail());
        boolean[] stopped = {false};
        Predicate<LogLine> backlog = line -> {
            if (!query.wants(line)) {
                return true;
            }
            if (window != null) {
                return window.add(line);
            }
            stopped[0] = !sink.test(line);
            return !stopped[0];
        };
        Tail tail = next(null, backlog);
        if (stopped[0] || (window != null && !window.drainTo(sink))) {
            tail.close();
            return;
        }
        Predicate<LogLine> newRecords = line -> !query.wants(line) || sink.test(line);
        try {
            while (true) {
                boolean wasFinished = finished.getAsBoolean();
                if (!tail.readNew(newRecords)) {
                    return;
                }
                if (tail.replaced()) {
                    // conmon closed this file before renaming the next one in: what was read is all of it.
                    if (!tail.readNew(newRecords)) {
                        return;
                    }
                    tail.close();
                    tail = next(tail.key(), newRecords);
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
     * Opens the file being written, sends to {@code out} the finished files before it (those after the file
     * identified by {@code previous}, after it was rotated away; all kept ones when {@code previous} is null or no
     * longer kept), then what the open file holds so far. conmon and the bookkeeping may rename files meanwhile:
     * every file is opened first and checked to still be what the listing said (the listing is taken again if
     * not), so what is read through the open descriptors is exactly those files, whatever they are renamed to.
     */
    private Tail next(Object previous, Predicate<LogLine> out) throws IOException {
        while (true) {
            List<Path> files = segments.get();
            List<Object> keys = files.stream().map(LogReader::key).toList();
            int from = 0;
            for (int i = 0; i < files.size() - 1; i++) {
                if (previous != null && previous.equals(keys.get(i))) {
                    from = i + 1;
                }
            }
            List<FileChannel> finished = new ArrayList<>();
            boolean stable = true;
            for (int i = from; i < files.size() - 1 && stable; i++) {
                if (keys.get(i) == null) {
                    continue; // vanished from the listing: nothing to read, nothing changed for the rest
                }
                FileChannel ch = openIfStill(files.get(i), keys.get(i));
                if (ch == null) {
                    stable = false;
                } else {
                    finished.add(ch);
                }
            }
            Tail tail = stable ? Tail.open(files.getLast(), keys.getLast()) : null;
            if (tail == null) {
                for (FileChannel ch : finished) {
                    ch.close();
                }
                continue;
            }
            boolean more = true;
            for (FileChannel ch : finished) {
                try (ch) {
                    more = more && new Chunks(ch).readTo(out);
                }
            }
            if (more) {
                tail.readNew(out);
            }
            return tail;
        }
    }

    /** {@code file} opened, if its name still points at the file {@code key} names; null if it moved on. */
    private static FileChannel openIfStill(Path file, Object key) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!key.equals(key(file))) {
            ch.close();
            return null;
        }
        return ch;
    }

    private static Object key(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Complete records of a file read in 64 KiB chunks from a position on: only an unfinished last record is
     * carried from one chunk to the next (conmon splits long lines into partial records, so that stays small).
     */
    private static final class Chunks {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private long position;

        Chunks(FileChannel channel) {
            this.channel = channel;
        }

        /** Parses the complete records written since the last call into {@code out}; false once {@code out} said stop. */
        boolean readTo(Predicate<LogLine> out) throws IOException {
            if (channel.size() < position) {
                position = 0; // truncated in place (not conmon's way, which renames, but cheap to survive)
                pending.reset();
            }
            int n;
            while ((n = channel.read(buf.clear(), position)) > 0) {
                position += n;
                pending.write(buf.array(), 0, n);
                byte[] bytes = pending.toByteArray();
                int[] consumed = {0};
                boolean more = parseAll(bytes, bytes.length, consumed, out);
                pending.reset();
                pending.write(bytes, consumed[0], bytes.length - consumed[0]);
                if (!more) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One open log file being followed: what was read of it, and whether a newer file took its name. */
    private static final class Tail implements AutoCloseable {
        private final Path path;
        private final FileChannel channel;
        private final Object key;
        private final Chunks chunks;

        private Tail(Path path, FileChannel channel, Object key) {
            this.path = path;
            this.channel = channel;
            this.key = key;
            this.chunks = new Chunks(channel);
        }

        /** Opens the live file, if it is still the one {@code listed} names (null: the listing is stale). */
        static Tail open(Path path, Object listed) throws IOException {
            // Open, then make sure the name still points at what was opened: a rename may fall in between.
            while (true) {
                Object before = LogReader.key(path);
                FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
                Object k = LogReader.key(path);
                if (k != null && k.equals(before)) {
                    if (!k.equals(listed)) {
                        ch.close();
                        return null;
                    }
                    return new Tail(path, ch, k);
                }
                ch.close();
            }
        }

        Object key() {
            return key;
        }

        /** Whether the path now names another file than the one open (conmon rotated or truncated it). */
        boolean replaced() {
            Object now = LogReader.key(path);
            return now != null && !now.equals(key);
        }

        /** Sends the complete records written since the last call to {@code out}; false once it said stop. */
        boolean readNew(Predicate<LogLine> out) throws IOException {
            return chunks.readTo(out);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Parses complete lines of {@code bytes[0..length)} into {@code out}; {@code consumed[0]} gets how many bytes were used. */
    private static boolean parseAll(byte[] bytes, int length, int[] consumed, Predicate<LogLine> out) {
        int start = 0;
        try {
            for (int i = 0; i < length; i++) {
                if (bytes[i] == '\n') {
                    Optional<LogLine> line = parse(bytes, start, i);
                    start = i + 1;
                    if (line.isPresent() && !out.test(line.get())) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            consumed[0] = start;
        }
    }

    /** The last {@code n} lines, where a line is a run of partial records ended by a full one. */
    static List<LogLine> tail(List<LogLine> lines, int n) {
        return TailWindow.of(lines, n);
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
