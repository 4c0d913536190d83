package dev.berth.runtime.image.progress;

/** Receives progress of a long image operation; the API turns it into a JSON stream. */
@FunctionalInterface
public interface ProgressSink {
    /** Reports one message. Implementations must be thread-safe: layers report from several threads. */
    void emit(ProgressMessage message);

    /** A sink that drops everything (for internal pulls that nobody watches). */
    ProgressSink NONE = m -> {};
}
