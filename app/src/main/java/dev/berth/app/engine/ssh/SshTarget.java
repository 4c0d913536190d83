package dev.berth.app.engine.ssh;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an {@code ssh://[user@]host[:port]} engine address points; the user defaults to the person's own name and
 * the port to 22, as ssh does.
 */
public record SshTarget(String user, String host, int port) {
    /** Reads an ssh:// address; anything else, or a host missing, is an IllegalArgumentException worded for people. */
    public static SshTarget parse(String address, String defaultUser) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + address + "' is not an ssh address: " + e.getReason());
        }
        if (!"ssh".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + address + "' is not an ssh address: use ssh://user@host[:port]");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("'" + address + "': an ssh address names a host, not a path");
        }
        String user = uri.getUserInfo() == null || uri.getUserInfo().isBlank() ? defaultUser : uri.getUserInfo();
        // An IPv6 literal comes with its brackets, which ssh and known_hosts do not use around the bare address.
        String host = uri.getHost().replaceAll("^\\[(.*)]$", "$1");
        return new SshTarget(user, host, uri.getPort() < 0 ? 22 : uri.getPort());
    }

    /** user@host, with :port when not 22. */
    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
