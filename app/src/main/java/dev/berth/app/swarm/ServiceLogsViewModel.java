package dev.berth.app.swarm;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.swarm.ServiceLogLine;
import dev.berth.app.engine.swarm.SwarmService;
import dev.berth.app.engine.swarm.SwarmTask;
import dev.berth.app.support.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A service's log as {@code docker service logs -f} shows it: every task's lines, each named by its task and node
 * ({@code web.2@node-b | text}), the newest at the end, at most {@link #MAX_LINES} kept.
 */
public final class ServiceLogsViewModel implements AutoCloseable {
    static final int MAX_LINES = 5000;

    private final Supplier<Engine> engine;
    private final Async async;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Map<String, String> taskNames = new ConcurrentHashMap<>();
    private volatile Engine.Subscription subscription;
    /** Set by {@link #close()}: a stream that opens after its window closed is closed at once. */
    private volatile boolean closed;

    public ServiceLogsViewModel(Supplier<Engine> engine, Async async) {
        this.engine = engine;
        this.async = async;
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Follows {@code service}'s log from its last {@code tail} lines per task. */
    public void follow(SwarmService service, int tail) {
        close();
        closed = false;
        lines.clear();
        async.run(() -> {
            for (SwarmTask t : engine.get().swarm().tasks(service.id())) {
                taskNames.put(t.id(), t.name() + "@" + (t.node().isEmpty() ? t.nodeId() : t.node()));
            }
            return engine.get().swarm().serviceLogs(service.id(), true, tail, line -> {
                String text = label(line) + " | " + line.line().text();
                async.ui().execute(() -> add(text));
            }, end -> async.ui().execute(() -> {
                if (end != null) {
                    error.set(end.getMessage());
                }
            }));
        }, s -> {
            subscription = s;
            if (closed) {
                close();
            }
        }, error::set);
    }

    private String label(ServiceLogLine line) {
        return taskNames.getOrDefault(line.taskId(), line.taskId().isEmpty() ? "?" : line.taskId().substring(0,
                Math.min(12, line.taskId().length())));
    }

    private void add(String text) {
        lines.add(text);
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
    }

    /** The lines so far, for copying. */
    public List<String> snapshot() {
        return new ArrayList<>(lines);
    }

    @Override
    public void close() {
        closed = true;
        Engine.Subscription s = subscription;
        subscription = null;
        if (s != null) {
            s.close();
        }
    }
}
