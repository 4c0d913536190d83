package dev.berth.app.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A person's "Cancel" for long engine work (a pull, a push): the engine call registers how to stop (close its stream)
 * and returns soon after {@link #cancel()}. Thread-safe; each hook runs at most once.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            hooks.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code hook} on {@link #cancel()}, or now if that already happened. */
    public void onCancel(Runnable hook) {
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                hook.run();
            }
        };
        hooks.add(once);
        if (cancelled.get()) {
            once.run();
        }
    }
}
