package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }
        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final TokenCache cache = new TokenCache(clock);
    private final TokenCache.Key key = new TokenCache.Key("https://auth/token", "reg", "repository:a:pull", "");
    private final AtomicInteger fetches = new AtomicInteger();

    private TokenResponse issue(Integer expiresIn) {
        return new TokenResponse("t" + fetches.incrementAndGet(), null, expiresIn, null, null);
    }

    @Test
    void reusesUntilExpiry() throws Exception {
        assertEquals("t1", cache.getOrFetch(key, () -> issue(300)));
        clock.now = clock.now.plusSeconds(290);
        assertEquals("t1", cache.getOrFetch(key, () -> issue(300)));
        clock.now = clock.now.plusSeconds(6); // inside the safety margin
        assertEquals("t2", cache.getOrFetch(key, () -> issue(300)));
        assertEquals(2, fetches.get());
    }

    @Test
    void missingOrShortLifetimeMeansSixtySeconds() throws Exception {
        assertEquals(Duration.ofSeconds(60), issue(null).lifetime());
        assertEquals(Duration.ofSeconds(60), issue(10).lifetime());
        assertEquals("t3", cache.getOrFetch(key, () -> issue(null)));
        clock.now = clock.now.plusSeconds(50);
        assertEquals("t3", cache.getOrFetch(key, () -> issue(null)));
        clock.now = clock.now.plusSeconds(10);
        assertEquals("t4", cache.getOrFetch(key, () -> issue(null)));
    }

    @Test
    void keysSeparateScopesAndCredentials() throws Exception {
        cache.getOrFetch(key, () -> issue(300));
        TokenCache.Key push = new TokenCache.Key("https://auth/token", "reg", "repository:a:pull,push", "");
        TokenCache.Key alice = new TokenCache.Key("https://auth/token", "reg", "repository:a:pull", "alice-hash");
        assertEquals("t2", cache.getOrFetch(push, () -> issue(300)));
        assertEquals("t3", cache.getOrFetch(alice, () -> issue(300)));
        assertEquals("t1", cache.get(key));
    }

    @Test
    void invalidateDropsOnlyTheRefusedToken() throws Exception {
        cache.getOrFetch(key, () -> issue(300));
        cache.invalidate(key, "someone-else");
        assertEquals("t1", cache.get(key));
        cache.invalidate(key, "t1");
        assertNull(cache.get(key));
    }
}
