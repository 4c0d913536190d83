package dev.berth.app.images;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.ImageReferences;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One pull: the reference a person typed, then its layers' progress (see {@link TransferViewModel}). */
public final class PullViewModel extends TransferViewModel {
    private final StringProperty reference = new SimpleStringProperty(this, "reference", "");

    /** @param onPulled runs after a successful pull (the Images page reloads) */
    public PullViewModel(Supplier<Engine> engine, Async async, Runnable onPulled) {
        super(engine, async, onPulled);
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    /** Starts pulling the typed reference; refuses an empty or malformed one without calling the engine. */
    public void pull() {
        String ref = reference.get() == null ? "" : reference.get().strip();
        try {
            ImageReferences.split(ref);
        } catch (IllegalArgumentException e) {
            setError(I18n.t("pull.badReference", ref));
            return;
        }
        start(ref, I18n.t("pull.starting", ref), Engine::pullImage);
    }
}
