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

    /**
     * Takes the bytes transferred so far (the registry client and the layer store both report running
     * totals; a retried transfer starts again from 0); emits at most every 100 ms, and always at the end.
     */
    @Override
    public synchronized void accept(long soFar) {
        current = soFar;
        long now = System.nanoTime();
        if (now - lastEmit >= MIN_INTERVAL_NANOS || (total > 0 && current >= total)) {
            lastEmit = now;
            sink.emit(ProgressMessage.transfer(id, status, current, total));
        }
    }

    /** Bytes seen so far. */
    public synchronized long current() {
        return current;
    }
}
