package dev.berth.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Runs tasks on the FX thread, many per pulse: tasks queued while one {@code runLater} is pending ride along with it,
 * so a burst of progress lines or events costs one hop to the FX thread, not one each.
 */
public final class FxBatchExecutor implements Executor {
    public static final FxBatchExecutor INSTANCE = new FxBatchExecutor();

    private final Object lock = new Object();
    private List<Runnable> pending = new ArrayList<>();
    private boolean scheduled;

    private FxBatchExecutor() {}

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            pending.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        Platform.runLater(this::drain);
    }

    private void drain() {
        List<Runnable> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
        }
        batch.forEach(Runnable::run);
    }
}
