package dev.berth.app.engine;

/** An engine a person can switch to: a display name, where it comes from, and its Docker host URI. */
public record Connection(String name, Kind kind, String uri) {

    /** Where a connection was found; only {@link #USER} connections can be removed from the app. */
    public enum Kind { BERTH, DOCKER_HOST, CONTEXT, USER }

    /** The socket the Berth engine listens on when started by the app or {@code bin/berthd}. */
    public static final String BERTH_DEFAULT_URI = "unix:///run/berth/berth.sock";

    public Connection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A connection needs a name");
        }
        uri = validUri(uri);
    }

    /** Checks that {@code uri} is one docker-java can dial, and returns it trimmed. */
    public static String validUri(String uri) {
        String u = uri == null ? "" : uri.strip();
        if (!(u.startsWith("unix:///") || u.startsWith("tcp://") || u.startsWith("npipe://"))) {
            throw new IllegalArgumentException(
                    "'" + u + "' is not an engine address: use unix:///path/to.sock, tcp://host:port or npipe://…");
        }
        if (u.startsWith("tcp://") && u.length() == "tcp://".length()) {
            throw new IllegalArgumentException("'" + u + "' has no host");
        }
        return u;
    }

    /** A short name for an address: the socket's file name, or host:port. */
    public static String shortName(String uri) {
        String u = validUri(uri);
        String rest = u.substring(u.indexOf("://") + 3).replaceFirst("/+$", "");
        int slash = rest.lastIndexOf('/');
        return slash >= 0 ? rest.substring(slash + 1) : rest;
    }

    /** The host name to open published ports on: the remote host for TCP engines, else localhost. */
    public String portHost() {
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
