package dev.berth.app.shell;

import dev.berth.app.engine.EngineEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Gathers engine events for a short window and hands the set of resource types they touched ("container",
 * "image"…) to {@code sink} on the UI executor, once per window. A compose up with twenty containers thus causes
 * one reload per page, not sixty.
 */
final class EventCoalescer {
    private final Duration window;
    private final Executor ui;
    private final Consumer<Set<String>> sink;
    private final Object lock = new Object();
    private Set<String> pending = new HashSet<>();
    private boolean scheduled;

    EventCoalescer(Duration window, Executor ui, Consumer<Set<String>> sink) {
        this.window = window;
        this.ui = ui;
        this.sink = sink;
    }

    void accept(EngineEvent event) {
        synchronized (lock) {
            pending.add(event.type());
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        if (window.isZero()) {
            flush();
        } else {
            Thread.ofVirtual().name("berth-event-window").start(() -> {
                try {
                    Thread.sleep(window);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                flush();
            });
        }
    }

    private void flush() {
        Set<String> batch;
        synchronized (lock) {
            batch = pending;
            pending = new HashSet<>();
            scheduled = false;
        }
        ui.execute(() -> sink.accept(Set.copyOf(batch)));
    }
}
