package dev.berth.app.stats;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.StatsSample;
import dev.berth.app.support.Async;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Live stats of one container: while active it follows the engine's stats stream and keeps the last
 * {@link #WINDOW} points; when made inactive (the view is hidden) it closes the stream, so nothing is computed or
 * drawn for a view no one sees.
 */
public final class StatsViewModel implements AutoCloseable {
    /** Points kept: two minutes at the engine's one sample a second. */
    public static final int WINDOW = 120;
    private final Supplier<Engine> engine;
    private final Async async;
    private final String containerId;
    private final ObservableList<StatsPoint> points = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StatsSample> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Instant origin = Instant.now();
    private final RateCalculator rates = new RateCalculator(origin);
    private Engine.Subscription subscription;
    private long generation;

    public StatsViewModel(Supplier<Engine> engine, Async async, String containerId) {
        this.engine = engine;
        this.async = async;
        this.containerId = containerId;
    }

    /** Follows the stats while {@code on}; stops the stream when not. */
    public void setActive(boolean on) {
        if (on == active.get()) {
            return;
        }
        active.set(on);
        long gen = ++generation;
        if (!on) {
            closeStream();
            return;
        }
        async.run(() -> engine.get().stats(containerId, s -> async.ui().execute(() -> add(gen, s)),
                failure -> async.ui().execute(() -> {
                    if (failure != null && gen == generation) {
                        error.set(failure.getMessage());
                    }
                })), sub -> {
                    if (gen == generation) {
                        subscription = sub;
                    } else {
                        sub.close();
                    }
                }, error::set);
    }

    private void add(long gen, StatsSample s) {
        if (gen != generation) {
            return;
        }
        latest.set(s);
        points.add(rates.next(s));
        if (points.size() > WINDOW) {
            points.remove(0, points.size() - WINDOW);
        }
    }

    private void closeStream() {
        if (subscription != null) {
            Engine.Subscription s = subscription;
            subscription = null;
            async.background().execute(s::close);
        }
    }

    public ObservableList<StatsPoint> points() {
        return points;
    }

    public ReadOnlyObjectProperty<StatsSample> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() {
        setActive(false);
    }
}
