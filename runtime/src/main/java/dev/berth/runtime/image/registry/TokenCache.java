package dev.berth.runtime.image.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by (realm, service, scope, credentials), kept until shortly before they expire, so parallel
 * layer downloads and later pulls of the same repository share one token instead of asking the token
 * server each time.
 */
final class TokenCache {
    /** Refresh a little early so a token does not expire between the check and the request. */
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(5);

    /** What a token is valid for; {@code credentialsKey} keeps users' tokens apart. */
    record Key(String realm, String service, String scope, String credentialsKey) {}

    private record Entry(String token, Instant expiresAt) {}

    private final ConcurrentHashMap<Key, Entry> tokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Object> locks = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    /** A still-valid token, or null. */
    String get(Key key) {
        Entry entry = tokens.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expiresAt().minus(SAFETY_MARGIN))) {
            tokens.remove(key, entry);
            return null;
        }
        return entry.token();
    }

    /** Asks the token server for a token. */
    interface Fetcher {
        TokenResponse fetch() throws java.io.IOException;
    }

    /**
     * A valid cached token, or a fresh one from {@code fetcher}. Parallel callers for the same key wait for
     * one fetch instead of each asking the token server.
     */
    String getOrFetch(Key key, Fetcher fetcher) throws java.io.IOException {
        String cached = get(key);
        if (cached != null) {
            return cached;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            cached = get(key);
            if (cached != null) {
                return cached;
            }
            TokenResponse response = fetcher.fetch();
            put(key, response.bearer(), response.lifetime());
            return response.bearer();
        }
    }

    void put(Key key, String token, Duration lifetime) {
        tokens.put(key, new Entry(token, clock.instant().plus(lifetime)));
    }

    /** Forgets {@code token} (the registry refused it), unless another thread already replaced it. */
    void invalidate(Key key, String token) {
        tokens.computeIfPresent(key, (k, e) -> e.token().equals(token) ? null : e);
    }
}
