package dev.berth.app.support;

import dev.berth.app.engine.EngineException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where ViewModels run blocking work ({@code background}) and where they apply its results ({@code ui}). The app
 * uses virtual threads and the batching FX executor; tests use {@link #sameThread()} so that a command's effects are
 * visible as soon as it returns.
 */
public record Async(Executor background, Executor ui) {

    /** Virtual threads for work, the FX thread (batched) for results. */
    public static Async fx() {
        return new Async(task -> Thread.ofVirtual().name("berth-work").start(task), FxBatchExecutor.INSTANCE);
    }

    /** Everything on the calling thread: for ViewModel tests. */
    public static Async sameThread() {
        return new Async(Runnable::run, Runnable::run);
    }

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onError} (a plain-words message) on the UI. */
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<String> onError) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                String message = plain(e);
                ui.execute(() -> onError.accept(message));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }

    /** A failure's message as a person should read it, never a stack trace. */
    public static String plain(Throwable e) {
        if (e instanceof EngineException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }
}
