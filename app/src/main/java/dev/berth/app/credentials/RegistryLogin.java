package dev.berth.app.credentials;

/**
 * What a registry sign-in left: a user and password, or (when the registry issued one) an identity token in place of
 * the password, as the docker CLI sends them in {@code X-Registry-Auth}.
 */
public record RegistryLogin(String server, String user, String password, String identityToken) {
    /** The credential helpers' convention: this user name means the secret is an identity token. */
    static final String TOKEN_USER = "<token>";

    public boolean hasIdentityToken() {
        return identityToken != null && !identityToken.isBlank();
    }
}
