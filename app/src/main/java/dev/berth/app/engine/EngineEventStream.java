package dev.berth.app.engine;

import static dev.berth.app.engine.DockerJavaMappings.nz;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The engine's event stream as {@link EngineEvent}s: what keeps every page live. */
final class EngineEventStream {
    private EngineEventStream() {}

    /** Follows the engine's {@code /events} until closed; {@code onEnd} gets why it ended (null: closed by us). */
    static Engine.Subscription subscribe(DockerClient client, String endpoint, Consumer<EngineEvent> onEvent,
            Consumer<EngineException> onEnd) {
        AtomicBoolean closedByUs = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        var callback = new ResultCallback.Adapter<Event>() {
            @Override
            public void onNext(Event e) {
                String type = e.getType() == null ? "" : e.getType().getValue();
                String action = e.getAction() != null ? e.getAction() : nz(e.getStatus());
                String actor = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId()
                        : nz(e.getId());
                Map<String, String> attributes = new java.util.HashMap<>();
                if (e.getActor() != null && e.getActor().getAttributes() != null) {
                    e.getActor().getAttributes().forEach((k, v) -> {
                        if (k != null && v != null) {
                            attributes.put(k, v);
                        }
                    });
                }
                onEvent.accept(new EngineEvent(type, action, actor, attributes));
            }

            @Override
            public void onError(Throwable t) {
                if (ended.compareAndSet(false, true)) {
                    onEnd.accept(closedByUs.get() ? null : EngineErrors.translate(t, endpoint));
                }
            }

            @Override
            public void onComplete() {
                if (ended.compareAndSet(false, true)) {
                    onEnd.accept(closedByUs.get() ? null
                            : new EngineException("The engine closed its event stream.", 0, null));
                }
            }
        };
        try {
            client.eventsCmd().exec(callback);
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
        return EngineEventStream.closing(closedByUs, callback);
    }

    /** A subscription whose close marks the end as ours (no error to report) and closes the stream. */
    static Engine.Subscription closing(AtomicBoolean closedByUs, java.io.Closeable stream) {
        return () -> {
            closedByUs.set(true);
            try {
                stream.close();
            } catch (IOException ignored) {
                // Closing a stream that already ended is harmless.
            }
        };
    }
}
