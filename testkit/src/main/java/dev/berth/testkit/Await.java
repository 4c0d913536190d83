package dev.berth.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition, never for a number of milliseconds: polls every 20 ms until the condition holds or the
 * deadline passes, then fails with what was awaited and, if given, what was seen last. Generous deadlines cost
 * nothing when the condition comes true early, so a loaded machine slows a test down instead of failing it.
 */
public final class Await {
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private Await() {}

    /** Waits until {@code condition} holds, at most {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> "");
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}; on time-out, {@code seen} tells what was there instead. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String last = seen.get();
                throw new AssertionError("timed out after " + timeout + " waiting for " + what
                        + (last.isEmpty() ? "" : "; last seen: " + last));
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /**
     * Whether {@code condition} comes to hold within {@code patience} (polled as {@link #until} does); for a step that
     * may need doing again when it did not take, such as keys a line editor dropped.
     */
    public static boolean within(Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /**
     * Polls {@code probe} every {@code every} until it returns a value (null means "not yet"), at most {@code timeout};
     * returns that value. For probes that cost something (a request, a process), where 20 ms polling would be waste.
     */
    public static <T> T value(String what, Duration timeout, Duration every, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(every.toNanos());
            if (Thread.interrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
