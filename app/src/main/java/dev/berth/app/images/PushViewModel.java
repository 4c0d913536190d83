package dev.berth.app.images;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.ImageReferences;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.function.Supplier;

/**
 * One push of a tagged image to the registry its name points at ({@code localhost:5000/app:1} goes to
 * {@code localhost:5000}); layers the registry has show "Layer already exists" (see {@link TransferViewModel}).
 */
public final class PushViewModel extends TransferViewModel {
    private final String reference;

    /** @param onPushed runs after a successful push (a notification says so) */
    public PushViewModel(Supplier<Engine> engine, Async async, String reference, Runnable onPushed) {
        super(engine, async, onPushed);
        this.reference = reference == null ? "" : reference.strip();
    }

    /** What is pushed: {@code repository:tag}. */
    public String reference() {
        return reference;
    }

    /** Starts the push; an untagged image or a malformed name is refused without calling the engine. */
    public void push() {
        try {
            ImageReferences.Split split = ImageReferences.split(reference);
            if (split.repository().equals(ImageRow.NONE) || split.tag().startsWith("sha256:")) {
                throw new IllegalArgumentException(reference);
            }
        } catch (IllegalArgumentException e) {
            setError(I18n.t("push.needsTag", reference));
            return;
        }
        start(reference, I18n.t("push.starting", reference), Engine::pushImage);
    }
}
