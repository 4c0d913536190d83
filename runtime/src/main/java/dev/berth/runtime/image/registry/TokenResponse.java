package dev.berth.runtime.image.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** The token server's answer (distribution token spec): {@code token} or {@code access_token}, lifetime, refresh token. */
record TokenResponse(
        String token,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") Integer expiresIn,
        @JsonProperty("issued_at") String issuedAt,
        @JsonProperty("refresh_token") String refreshToken) {
    /** The spec's default and docker's minimum lifetime. */
    static final int MINIMUM_LIFETIME_SECONDS = 60;

    /** {@code token}, falling back to the OAuth2 {@code access_token}. */
    String bearer() {
        return token != null && !token.isEmpty() ? token : accessToken;
    }

    /** The lifetime, at least 60 s as the spec says clients should assume. */
    Duration lifetime() {
        int seconds = expiresIn == null || expiresIn < MINIMUM_LIFETIME_SECONDS ? MINIMUM_LIFETIME_SECONDS : expiresIn;
        return Duration.ofSeconds(seconds);
    }
}
