package dev.berth.app.stats;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.StatsSample;
import dev.berth.app.support.Async;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every running container's latest CPU, memory and IO, one stats stream each while active. {@link #refresh()}
 * picks up containers that started or stopped since.
 */
public final class StatsOverviewViewModel implements AutoCloseable {
    private final Supplier<Engine> engine;
    private final Async async;
    private final ObservableList<OverviewRow> rows = FXCollections.observableArrayList();
    private final Map<String, Engine.Subscription> streams = new HashMap<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean active;

    public StatsOverviewViewModel(Supplier<Engine> engine, Async async) {
        this.engine = engine;
        this.async = async;
    }

    public void setActive(boolean on) {
        if (on == active) {
            return;
        }
        active = on;
        if (on) {
            refresh();
        } else {
            closeAll();
        }
    }

    /** Lists the running containers again and follows the new ones. */
    public void refresh() {
        async.run(() -> engine.get().listContainers().stream().filter(c -> c.state().equals("running")).toList(),
                this::follow, error::set);
    }

    private void follow(List<ContainerSummary> running) {
        if (!active) {
            return;
        }
        var ids = running.stream().map(ContainerSummary::id).toList();
        rows.removeIf(r -> !ids.contains(r.id()));
        for (String gone : List.copyOf(streams.keySet())) {
            if (!ids.contains(gone)) {
                Engine.Subscription s = streams.remove(gone);
                async.background().execute(s::close);
            }
        }
        for (ContainerSummary c : running) {
            if (streams.containsKey(c.id())) {
                continue;
            }
            rows.add(new OverviewRow(c.id(), c.name(), null));
            streams.put(c.id(), () -> {});
            async.run(() -> engine.get().stats(c.id(), s -> async.ui().execute(() -> update(c.id(), s)), e -> {}),
                    sub -> {
                        if (streams.containsKey(c.id()) && active) {
                            streams.put(c.id(), sub);
                        } else {
                            sub.close();
                        }
                    }, error::set);
        }
    }

    private void update(String id, StatsSample s) {
        for (int i = 0; i < rows.size(); i++) {
            OverviewRow r = rows.get(i);
            if (r.id().equals(id)) {
                rows.set(i, new OverviewRow(id, r.name(), s));
                return;
            }
        }
    }

    private void closeAll() {
        streams.values().forEach(s -> async.background().execute(s::close));
        streams.clear();
    }

    public ObservableList<OverviewRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() {
        setActive(false);
    }
}
