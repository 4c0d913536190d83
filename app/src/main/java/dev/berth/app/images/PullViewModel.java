package dev.berth.app.images;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.ImageReferences;
import dev.berth.app.engine.PullProgress;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One pull: the reference typed, one {@link LayerProgress} per layer in the order the engine announced them, and the
 * overall outcome. Progress lines arrive on the pull's thread and are applied through {@link Async#ui()}, which
 * batches them per FX pulse.
 */
public final class PullViewModel {
    private final Supplier<Engine> engine;
    private final Async async;
    private final Runnable onPulled;
    private final StringProperty reference = new SimpleStringProperty(this, "reference", "");
    private final ObservableList<LayerProgress> layers = FXCollections.observableArrayList();
    /** One read-only view for every caller (a view per call would drop listeners when collected). */
    private final ObservableList<LayerProgress> layersView = FXCollections.unmodifiableObservableList(layers);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** @param onPulled runs after a successful pull (the Images page reloads) */
    public PullViewModel(Supplier<Engine> engine, Async async, Runnable onPulled) {
        this.engine = engine;
        this.async = async;
        this.onPulled = onPulled;
    }

    public StringProperty referenceProperty() {
        return reference;
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

    /** The latest whole-pull line ("Digest: sha256:…", "Status: Downloaded newer image for busybox:latest"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Starts pulling the typed reference; refuses an empty or malformed one without calling the engine. */
    public void pull() {
        String ref = reference.get() == null ? "" : reference.get().strip();
        try {
            ImageReferences.split(ref);
        } catch (IllegalArgumentException e) {
            error.set(I18n.t("pull.badReference", ref));
            return;
        }
        layers.clear();
        error.set("");
        status.set(I18n.t("pull.starting", ref));
        done.set(false);
        running.set(true);
        async.run(() -> {
            engine.get().pullImage(ref, p -> async.ui().execute(() -> apply(p)));
            return null;
        }, ignored -> {
            running.set(false);
            done.set(true);
            onPulled.run();
        }, message -> {
            running.set(false);
            error.set(message);
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
