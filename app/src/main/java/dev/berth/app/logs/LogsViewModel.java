package dev.berth.app.logs;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.LogLine;
import dev.berth.app.engine.LogOptions;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * One container's log: follows it from the engine, batches arriving lines onto the UI thread, filters by stream
 * and (optionally) by the search, and counts and finds search matches (plain text or a regular expression,
 * case-insensitive). Changing tail or since reads the log again.
 */
public final class LogsViewModel implements AutoCloseable {
    private final Supplier<Engine> engine;
    private final Async async;
    private final String containerId;
    private final ObservableList<LogEntry> all = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> shown = new FilteredList<>(all, e -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final BooleanProperty onlyMatching = new SimpleBooleanProperty();
    private final BooleanProperty stdout = new SimpleBooleanProperty(true);
    private final BooleanProperty stderr = new SimpleBooleanProperty(true);
    private final BooleanProperty timestamps = new SimpleBooleanProperty();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final IntegerProperty tail = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Duration> since = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Pattern> pattern = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper matches = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ConcurrentLinkedQueue<LogLine> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private Engine.Subscription subscription;
    private long generation;
    private long counter;

    public LogsViewModel(Supplier<Engine> engine, Async async, String containerId) {
        this.engine = engine;
        this.async = async;
        this.containerId = containerId;
        search.addListener((o, a, b) -> refilter());
        regex.addListener((o, a, b) -> refilter());
        onlyMatching.addListener((o, a, b) -> refilter());
        stdout.addListener((o, a, b) -> refilter());
        stderr.addListener((o, a, b) -> refilter());
        tail.addListener((o, a, b) -> reload());
        since.addListener((o, a, b) -> reload());
    }

    /** Starts reading the log (again, from scratch). */
    public void reload() {
        stop();
        all.clear();
        pending.clear();
        counter = 0;
        long gen = ++generation;
        Instant from = since.get() == null ? null : Instant.now().minus(since.get());
        LogOptions options = new LogOptions(true, tail.get(), from);
        async.run(() -> engine.get().logs(containerId, options, line -> arrived(gen, line),
                failure -> async.ui().execute(() -> {
                    if (failure != null && gen == generation) {
                        error.set(failure.getMessage());
                    }
                })), sub -> {
                    if (gen == generation) {
                        subscription = sub;
                        error.set("");
                    } else {
                        sub.close();
                    }
                }, error::set);
    }

    /** Called on the stream's thread: lines wait in a queue and reach the UI in one batch per pulse. */
    private void arrived(long gen, LogLine line) {
        if (gen != generation) {
            return;
        }
        pending.add(line);
        if (flushScheduled.compareAndSet(false, true)) {
            async.ui().execute(() -> flush(gen));
        }
    }

    private void flush(long gen) {
        flushScheduled.set(false);
        List<LogEntry> batch = new ArrayList<>();
        LogLine line;
        while ((line = pending.poll()) != null) {
            batch.add(LogEntry.of(++counter, line));
        }
        if (gen != generation || batch.isEmpty()) {
            return;
        }
        Pattern p = pattern.get();
        if (p != null) {
            matches.set(matches.get()
                    + (int) batch.stream().filter(e -> visibleStream(e) && p.matcher(e.plain()).find()).count());
        }
        all.addAll(batch);
    }

    private void refilter() {
        Pattern p = compile();
        pattern.set(p);
        Predicate<LogEntry> streams = this::visibleStream;
        shown.setPredicate(onlyMatching.get() && p != null ? streams.and(e -> p.matcher(e.plain()).find()) : streams);
        matches.set(p == null ? 0 : (int) shown.stream().filter(e -> p.matcher(e.plain()).find()).count());
    }

    private boolean visibleStream(LogEntry e) {
        return e.stream() == LogLine.Stream.STDERR ? stderr.get() : stdout.get();
    }

    private Pattern compile() {
        String text = search.get() == null ? "" : search.get();
        if (text.isEmpty()) {
            error.set("");
            return null;
        }
        try {
            Pattern p = Pattern.compile(regex.get() ? text : Pattern.quote(text),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            error.set("");
            return p;
        } catch (PatternSyntaxException e) {
            error.set(I18n.t("logs.badRegex", e.getDescription()));
            return null;
        }
    }

    /** The index in {@link #shown()} of the next line after {@code from} (wrapping) that matches; -1 if none. */
    public int findNext(int from, boolean forward) {
        Pattern p = pattern.get();
        int n = shown.size();
        if (p == null || n == 0) {
            return -1;
        }
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + (forward ? step : -step), n);
            if (p.matcher(shown.get(i).plain()).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The lines as text (timestamps included when shown), for the clipboard. */
    public String text(List<LogEntry> entries) {
        StringBuilder sb = new StringBuilder();
        entries.forEach(e -> sb.append(e.render(timestamps.get())).append('\n'));
        return sb.toString();
    }

    /** Writes the shown lines to {@code file}. */
    public void save(Path file) {
        String content = text(List.copyOf(shown));
        async.run(() -> Files.writeString(file, content, StandardCharsets.UTF_8), p -> error.set(""), error::set);
    }

    /** A file name for "Save", e.g. {@code web-2024-05-01.log}. */
    public String suggestedFileName(String containerName) {
        return containerName + "-" + java.time.LocalDate.now() + ".log";
    }

    private void stop() {
        if (subscription != null) {
            Engine.Subscription s = subscription;
            subscription = null;
            async.background().execute(s::close);
        }
    }

    public ObservableList<LogEntry> shown() {
        return shown;
    }

    public int totalLines() {
        return all.size();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty onlyMatchingProperty() {
        return onlyMatching;
    }

    public BooleanProperty stdoutProperty() {
        return stdout;
    }

    public BooleanProperty stderrProperty() {
        return stderr;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    /** Lines to read from the end; negative for all. */
    public IntegerProperty tailProperty() {
        return tail;
    }

    /** Only lines newer than this long ago; {@code null} for all. */
    public ObjectProperty<Duration> sinceProperty() {
        return since;
    }

    /** The current search as a pattern ({@code null} without a search or when it is not a valid regex). */
    public ReadOnlyObjectProperty<Pattern> patternProperty() {
        return pattern.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() {
        generation++;
        stop();
    }
}
