package dev.berth.runtime.image.progress;

import java.util.function.LongConsumer;

/**
 * Turns byte counts of one layer transfer into throttled progress messages, so a fast download
 * does not flood the client with thousands of lines (docker throttles the same way).
 */
public final class TransferReporter implements LongConsumer {
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final ProgressSink sink;
    private final String id;
    private final String status;
    private final long total;
    private long current;
    private long lastEmit;

    public TransferReporter(ProgressSink sink, String id, String status, long total) {
        this.sink = sink;
        this.id = id;
        this.status = status;
        this.total = total;
    }

    /** Adds {@code bytes} transferred; emits at most every 100 ms, and always at the end. */
    @Override
    public synchronized void accept(long bytes) {
        current += bytes;
        long now = System.nanoTime();
        if (now - lastEmit >= MIN_INTERVAL_NANOS || (total > 0 && current >= total)) {
            lastEmit = now;
            sink.emit(ProgressMessage.transfer(id, status, current, total));
        }
    }

    /** Sets the running total (for sources that report totals rather than increments). */
    public synchronized void reportTotal(long total) {
        accept(total - current);
    }

    /** Bytes seen so far. */
    public synchronized long current() {
        return current;
    }

    /** Starts counting again (a retried download). */
    public synchronized void restart() {
        current = 0;
    }
}
