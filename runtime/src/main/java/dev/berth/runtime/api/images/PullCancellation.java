package dev.berth.runtime.api.images;

/**
 * Interrupts a pull's request thread when its client goes away, and never after the pull finished: the request
 * thread's interrupt flag must not outlive the pull it was meant for.
 */
final class PullCancellation {
    private final Thread puller;
    private boolean finished;
    private boolean cancelled;

    PullCancellation(Thread puller) {
        this.puller = puller;
    }

    /** Called when the client's connection closes. */
    synchronized void clientGone() {
        if (!finished) {
            cancelled = true;
            puller.interrupt();
        }
    }

    /** Called by the request thread once the pull returned or failed; clears an interrupt it caused. */
    void finished() {
        synchronized (this) {
            finished = true;
        }
        if (cancelled) {
            Thread.interrupted();
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }
}
