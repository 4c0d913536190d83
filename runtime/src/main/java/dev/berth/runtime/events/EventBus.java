package dev.berth.runtime.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Fan-out of engine events to {@code /events} subscribers. It keeps the most recent events so that a
 * subscriber asking for {@code since} gets the past replayed before the live stream, as dockerd does.
 */
public final class EventBus {
    private static final int HISTORY = 1024;

    private final ArrayDeque<Event> history = new ArrayDeque<>();
    private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
    private long lastNano;

    /** Records an event and hands it to every live subscriber. */
    public Event publish(String type, String action, String actorId, Map<String, String> attributes) {
        Event event;
        synchronized (history) {
            // Strictly increasing timestamps keep since/until filtering unambiguous.
            long now = Math.max(System.currentTimeMillis() * 1_000_000L + (System.nanoTime() % 1_000_000L),
                    lastNano + 1);
            lastNano = now;
            event = new Event(type, action, actorId, attributes, now);
            if (history.size() == HISTORY) {
                history.removeFirst();
            }
            history.addLast(event);
            for (Subscription s : subscriptions) {
                s.queue.offer(event);
            }
        }
        return event;
    }

    /** Subscribes to live events; events at or after {@code sinceNano} (0 for none) are replayed first. */
    public Subscription subscribe(long sinceNano) {
        Subscription s = new Subscription();
        synchronized (history) {
            if (sinceNano > 0) {
                for (Event e : history) {
                    if (e.timeNano() >= sinceNano) {
                        s.queue.offer(e);
                    }
                }
            }
            subscriptions.add(s);
        }
        return s;
    }

    /** Events recorded in [{@code sinceNano}, {@code untilNano}], oldest first. */
    public List<Event> history(long sinceNano, long untilNano) {
        synchronized (history) {
            List<Event> out = new ArrayList<>();
            for (Event e : history) {
                if (e.timeNano() >= sinceNano && e.timeNano() <= untilNano) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /** A live subscription; close it when the client goes away. */
    public final class Subscription implements AutoCloseable {
        private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();

        /** The next event, or null if none arrived within the timeout. */
        public Event poll(long timeout, TimeUnit unit) throws InterruptedException {
            return queue.poll(timeout, unit);
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
