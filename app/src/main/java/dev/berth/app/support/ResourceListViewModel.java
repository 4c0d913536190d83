package dev.berth.app.support;

import dev.berth.app.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list of engine resources that refreshes on demand (F5, an event, a finished command) and runs commands that
 * change it. Overlapping refreshes collapse into one follow-up, so a burst of events never queues a storm of lists.
 *
 * @param <T> the row type
 */
public abstract class ResourceListViewModel<T> {
    protected final Supplier<Engine> engine;
    protected final Async async;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private boolean refreshAgain;
    private boolean shown = true;
    private boolean stale;

    protected ResourceListViewModel(Supplier<Engine> engine, Async async) {
        this.engine = engine;
        this.async = async;
    }

    /** Reads the rows from the engine; runs in the background. */
    protected abstract List<T> load(Engine engine);

    /** Every row, as last loaded. */
    public ObservableList<T> items() {
        return readOnlyItems;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last failure in plain words, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last success worth telling ("Reclaimed 12 MB"), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissMessages() {
        error.set("");
        notice.set("");
    }

    /**
     * Whether the page is on screen. A hidden page's reloads wait until it shows again: with hundreds of containers,
     * every engine event used to reload Images and Volumes behind the Containers page too, for nobody to see.
     */
    public void setShown(boolean onScreen) {
        shown = onScreen;
        if (onScreen && stale) {
            stale = false;
            refresh();
        }
    }

    /** Reloads the rows (once the page shows, if it is hidden); if a reload is running, one more follows it. */
    public void refresh() {
        if (!shown) {
            stale = true;
            return;
        }
        if (loading.get()) {
            refreshAgain = true;
            return;
        }
        loading.set(true);
        async.run(() -> load(engine.get()), rows -> {
            // An event often reloads a list that did not change (our own command's reload came first): leaving it
            // alone keeps the table's selection and scroll position, and spares the FX thread a rebuild.
            if (!items.equals(rows)) {
                items.setAll(rows);
            }
            afterLoad();
            finishLoad();
        }, message -> {
            items.clear();
            afterLoad();
            error.set(message);
            finishLoad();
        });
    }

    /** Empties the page without asking the engine (it is unreachable; the window's banner says why). */
    public void clear() {
        items.clear();
        afterLoad();
        dismissMessages();
    }

    /** Hook for subclasses that derive state (filters, groups) from the rows. */
    protected void afterLoad() {}

    private void finishLoad() {
        loading.set(false);
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    /** Runs one engine command, then reloads; a failure lands in {@link #errorProperty()}. */
    protected void command(Consumer<Engine> action, String successNotice) {
        dismissMessages();
        async.run(() -> {
            action.accept(engine.get());
            return null;
        }, ignored -> {
            notice.set(successNotice);
            refresh();
        }, message -> {
            error.set(message);
            refresh();
        });
    }

    /**
     * Runs a command on each target in the background, keeps going past failures, and reports all of them in one
     * message ("web: is already running; db: No such container").
     */
    protected <K> void commandEach(List<K> targets, java.util.function.Function<K, String> label,
            java.util.function.BiConsumer<Engine, K> action) {
        dismissMessages();
        List<K> copy = List.copyOf(targets);
        async.run(() -> {
            List<String> failures = new ArrayList<>();
            for (K target : copy) {
                try {
                    action.accept(engine.get(), target);
                } catch (RuntimeException e) {
                    failures.add(label.apply(target) + ": " + Async.plain(e));
                }
            }
            return failures;
        }, failures -> {
            error.set(String.join("\n", failures));
            refresh();
        }, message -> {
            error.set(message);
            refresh();
        });
    }

    protected void setError(String message) {
        error.set(message);
    }

    protected void setNotice(String message) {
        notice.set(message);
    }
}
