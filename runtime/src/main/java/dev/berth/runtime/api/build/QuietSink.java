package dev.berth.runtime.api.build;

import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.progress.ProgressSink;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker build -q}: the build's output is held back; on success the client only gets the image ID, on failure
 * everything that was held back and then the error, as dockerd's {@code notVerboseBuffer} does.
 */
final class QuietSink implements ProgressSink {
    private final List<ProgressMessage> held = new ArrayList<>();

    @Override
    public synchronized void emit(ProgressMessage message) {
        if (message.aux() == null) {
            held.add(message);
        }
    }

    /** Sends what was held back to {@code out}. */
    synchronized void release(ProgressSink out) {
        held.forEach(out::emit);
        held.clear();
    }
}
