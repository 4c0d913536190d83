package dev.berth.app.engine;

/**
 * What the engine's {@code POST /auth} answered for good credentials: its status line ("Login Succeeded") and, for
 * registries that issue one, an identity token to keep instead of the password.
 */
public record SignInResult(String status, String identityToken) {
    public SignInResult {
        status = status == null ? "" : status;
        identityToken = identityToken == null ? "" : identityToken;
    }
}
