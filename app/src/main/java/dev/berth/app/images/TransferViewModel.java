package dev.berth.app.images;

import dev.berth.app.engine.Cancellation;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.PullProgress;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One image transfer (a pull or a push) as a person watches it: one {@link LayerProgress} per layer in the order the
 * engine announced them, the latest whole-image line, the outcome, and a Cancel. Progress lines arrive on the
 * transfer's thread and are applied through {@link Async#ui()}, which batches them per FX pulse.
 */
public abstract class TransferViewModel {
    protected final Supplier<Engine> engine;
    protected final Async async;
    private final Runnable onDone;
    private final ObservableList<LayerProgress> layers = FXCollections.observableArrayList();
    /** One read-only view for every caller (a view per call would drop listeners when collected). */
    private final ObservableList<LayerProgress> layersView = FXCollections.unmodifiableObservableList(layers);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(this, "cancelled");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Cancellation cancellation;

    /** @param onDone runs after a successful transfer (the Images page reloads, a notification says so) */
    protected TransferViewModel(Supplier<Engine> engine, Async async, Runnable onDone) {
        this.engine = engine;
        this.async = async;
        this.onDone = onDone;
    }

    /** The engine call a transfer makes. */
    @FunctionalInterface
    protected interface Call {
        void run(Engine engine, String reference, Consumer<PullProgress> progress, Cancellation cancel);
    }

    public ObservableList<LayerProgress> layers() {
        return layersView;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Whether the last transfer was stopped by {@link #cancel()}. */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    /** The latest whole-image line ("Digest: sha256:…", "Status: Downloaded newer image for busybox:latest"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Stops the running transfer: the stream to the engine closes and the outcome reads "Cancelled", not an error. */
    public void cancel() {
        if (running.get() && cancellation != null) {
            cancellation.cancel();
        }
    }

    protected void setError(String message) {
        error.set(message);
    }

    /** Starts {@code call} for {@code reference}, showing {@code starting} until the engine reports. */
    protected void start(String reference, String starting, Call call) {
        layers.clear();
        error.set("");
        status.set(starting);
        done.set(false);
        cancelled.set(false);
        running.set(true);
        Cancellation c = new Cancellation();
        cancellation = c;
        async.run(() -> {
            call.run(engine.get(), reference, p -> async.ui().execute(() -> apply(p)), c);
            return null;
        }, ignored -> {
            running.set(false);
            done.set(true);
            onDone.run();
        }, message -> {
            running.set(false);
            if (c.isCancelled()) {
                cancelled.set(true);
                status.set(I18n.t("transfer.cancelled", reference));
            } else {
                error.set(message);
            }
        });
    }

    private void apply(PullProgress p) {
        if (!p.aboutLayer()) {
            status.set(p.layerId().isEmpty() ? p.status() : p.status() + " " + p.layerId());
            return;
        }
        var updated = new LayerProgress(p.layerId(), p.status(), p.current(), p.total());
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).layerId().equals(p.layerId())) {
                layers.set(i, updated);
                return;
            }
        }
        layers.add(updated);
    }
}
