package dev.berth.runtime.api.system;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.http.JsonStream;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.events.Event;
import dev.berth.runtime.events.EventBus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /events}: past events from {@code since}, then live ones until {@code until} or until the
 * client goes away. Headers are flushed at once so clients see the stream open before any event.
 */
final class EventsHandler implements Handler {
    /** How often an idle stream checks whether its client is still there or {@code until} has passed. */
    private static final long POLL_MILLIS = 200;

    private final EventBus bus;
    private final Clock clock;
    private final AtomicInteger listeners = new AtomicInteger();

    EventsHandler(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /** Streams open right now, for {@code /info}'s NEventsListener. */
    int listeners() {
        return listeners.get();
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws Exception {
        EventFilter filter = new EventFilter(req.filters());
        Instant now = clock.instant();
        Long since = TimeArg.parseNanos(req.query("since"), now, clock.getZone());
        Long until = TimeArg.parseNanos(req.query("until"), now, clock.getZone());
        if (since != null && until != null && since > until) {
            throw new InvalidArgumentException(
                    "`since` time (" + req.query("since") + ") cannot be after `until` time ("
                            + req.query("until") + ")");
        }
        long from = since == null ? 0 : since;
        boolean live = until == null || until > nanos(now);
        listeners.incrementAndGet();
        // Subscribe before the headers go out: a client that acts once it sees them must not miss an event.
        // subscribe(n) replays history from n; 1 rather than 0 so that "since=0" replays everything.
        try (EventBus.Subscription sub = live ? bus.subscribe(since == null ? 0 : Math.max(1, since)) : null;
                JsonStream out = res.jsonStream(200)) {
            if (!live) {
                for (Event e : bus.history(from, until)) {
                    if (filter.matches(e)) {
                        out.write(EventMessage.of(e));
                    }
                }
                return;
            }
            streamLive(sub, res, out, filter, since, until);
        } catch (IOException e) {
            if (!res.clientGone()) {
                throw e;
            }
            // The client left: that is how an open-ended events stream normally ends.
        } finally {
            listeners.decrementAndGet();
        }
    }

    private void streamLive(EventBus.Subscription sub, ApiResponse res, JsonStream out, EventFilter filter, Long since,
            Long until) throws IOException, InterruptedException {
        while (!res.clientGone()) {
            if (until != null && nanos(clock.instant()) > until) {
                return;
            }
            Event e = sub.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (e == null || (since != null && e.timeNano() < since)) {
                continue;
            }
            if (until != null && e.timeNano() > until) {
                return;
            }
            if (filter.matches(e)) {
                out.write(EventMessage.of(e));
            }
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
