package dev.berth.app.engine;

/**
 * An engine a person can switch to: a display name, where it comes from, its Docker host URI and, for a TCP engine
 * behind TLS, the directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem} (as {@code DOCKER_CERT_PATH}
 * does for the CLI); empty for plain connections.
 */
public record Connection(String name, Kind kind, String uri, String tlsDir) {

    /** Where a connection was found; only {@link #USER} connections can be removed from the app. */
    public enum Kind {
        BERTH, DOCKER_HOST, CONTEXT, LOCAL, USER
    }

    /** The socket the Berth engine listens on when started by the app or {@code bin/berthd}. */
    public static final String BERTH_DEFAULT_URI = "unix:///run/berth/berth.sock";

    /** The TLS certificate files a TLS connection's directory must hold, as the docker CLI expects them. */
    public static final java.util.List<String> TLS_FILES = java.util.List.of("ca.pem", "cert.pem", "key.pem");

    public Connection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A connection needs a name");
        }
        uri = validUri(uri);
        tlsDir = tlsDir == null ? "" : tlsDir.strip();
        if (!tlsDir.isEmpty() && !uri.startsWith("tcp://")) {
            throw new IllegalArgumentException("TLS certificates are for tcp:// engines only, not " + uri);
        }
    }

    /** A connection without TLS. */
    public Connection(String name, Kind kind, String uri) {
        this(name, kind, uri, "");
    }

    /** Whether the engine is reached over TLS with the certificates in {@link #tlsDir()}. */
    public boolean usesTls() {
        return !tlsDir.isEmpty();
    }

    /**
     * Why the TLS directory cannot be used ("…/certs has no key.pem"), or empty when it holds every file. Checked
     * when the person adds the connection, so a typo shows there and not as a handshake failure later.
     */
    public static String tlsProblem(java.nio.file.Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return dir + " is not a directory";
        }
        for (String f : TLS_FILES) {
            if (!java.nio.file.Files.isReadable(dir.resolve(f))) {
                return dir + " has no readable " + f;
            }
        }
        return "";
    }

    /** Checks that {@code uri} is one docker-java can dial, and returns it trimmed. */
    public static String validUri(String uri) {
        String u = uri == null ? "" : uri.strip();
        if (!(u.startsWith("unix:///") || u.startsWith("tcp://") || u.startsWith("npipe://")
                || u.startsWith("ssh://"))) {
            throw new IllegalArgumentException("'" + u + "' is not an engine address: use unix:///path/to.sock, "
                    + "tcp://host:port, ssh://user@host or npipe://…");
        }
        if (u.startsWith("ssh://")) {
            dev.berth.app.engine.ssh.SshTarget.parse(u, "user");
        }
        if (u.startsWith("tcp://") && u.length() == "tcp://".length()) {
            throw new IllegalArgumentException("'" + u + "' has no host");
        }
        return u;
    }

    /** A short name for an address: the socket's file name, host:port, or user@host. */
    public static String shortName(String uri) {
        String u = validUri(uri);
        if (u.startsWith("ssh://")) {
            return u.substring("ssh://".length()).replaceFirst("/+$", "");
        }
        String rest = u.substring(u.indexOf("://") + 3).replaceFirst("/+$", "");
        int slash = rest.lastIndexOf('/');
        return slash >= 0 ? rest.substring(slash + 1) : rest;
    }

    /** The host name to open published ports on: the remote host for TCP and ssh engines, else localhost. */
    public String portHost() {
        if (uri.startsWith("ssh://")) {
            return dev.berth.app.engine.ssh.SshTarget.parse(uri, "user").host();
        }
        if (uri.startsWith("tcp://")) {
            String hostPort = uri.substring("tcp://".length()).replaceFirst("/.*$", "");
            int colon = hostPort.lastIndexOf(':');
            return colon > 0 ? hostPort.substring(0, colon) : hostPort;
        }
        return "localhost";
    }

    /** Whether this is Berth's own local engine, which the app can start. */
    public boolean isLocalBerth() {
        return kind == Kind.BERTH;
    }
}
