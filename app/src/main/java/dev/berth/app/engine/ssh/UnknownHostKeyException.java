package dev.berth.app.engine.ssh;

/**
 * The host offered a key that {@code ~/.ssh/known_hosts} does not list (or lists differently: {@link #changed()}).
 * The app shows the fingerprint and asks; {@link KnownHostsFile#trust} records it when the person says yes. A changed
 * key is never offered for trust from the app: that is what an attack looks like, and ssh itself refuses it.
 */
public final class UnknownHostKeyException extends java.io.IOException {
    private final SshTarget target;
    private final String type;
    private final String fingerprint;
    private final String keyBase64;
    private final boolean changed;

    public UnknownHostKeyException(SshTarget target, String type, String fingerprint, String keyBase64,
            boolean changed) {
        super(changed
                ? "The host key of " + target.host() + " has CHANGED (" + type + " " + fingerprint
                        + "). Someone may be "
                        + "intercepting the connection, or the host was reinstalled; check with its administrator, then "
                        + "remove the old key with: ssh-keygen -R " + hostPattern(target)
                : "The host key of " + target.host() + " is not known yet (" + type + " " + fingerprint + "). Check it "
                        + "with the host's administrator before you trust it.");
        this.target = target;
        this.type = type;
        this.fingerprint = fingerprint;
        this.keyBase64 = keyBase64;
        this.changed = changed;
    }

    /** How known_hosts names the host: bare on port 22, {@code [host]:port} otherwise. */
    static String hostPattern(SshTarget t) {
        return t.port() == 22 ? t.host() : "[" + t.host() + "]:" + t.port();
    }

    public SshTarget target() {
        return target;
    }

    public String type() {
        return type;
    }

    /** SHA256:… as ssh prints it. */
    public String fingerprint() {
        return fingerprint;
    }

    String keyBase64() {
        return keyBase64;
    }

    public boolean changed() {
        return changed;
    }
}
