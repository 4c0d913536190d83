package dev.berth.runtime.build.steps;

import dev.berth.runtime.errors.EngineException;

/**
 * Cancels a build whose client went away, as dockerd does: the step that runs is stopped (a RUN's container is
 * killed, which ends its output) and the build stops at the next step boundary, removing what it made. No thread is
 * interrupted, so the clean-up after a cancel can still do its file work.
 */
public final class BuildCancellation {
    private volatile boolean cancelled;
    private volatile Runnable stopCurrent;

    /** Called when the client's connection closes. */
    public void cancel() {
        cancelled = true;
        Runnable stop = stopCurrent;
        if (stop != null) {
            stop.run();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Throws if the build was cancelled. */
    public void check() {
        if (cancelled) {
            throw new Cancelled();
        }
    }

    /** Registers how to stop the step now running (null when none); runs it at once if already cancelled. */
    void whileRunning(Runnable stop) {
        stopCurrent = stop;
        if (stop != null && cancelled) {
            stop.run();
        }
    }

    /** The build was cancelled because its client went away. */
    public static final class Cancelled extends EngineException {
        Cancelled() {
            super("the build was cancelled: the client went away");
        }
    }
}
