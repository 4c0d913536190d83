package dev.berth.app.engine.ssh;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an {@code ssh://[user@]host[:port]} engine address points; the user defaults to the person's own name and
 * the port to 22, as ssh does. {@link #resolve} reads {@code ~/.ssh/config} as ssh does: a {@code Host} entry's
 * HostName, User, Port and IdentityFile apply where the address does not say otherwise.
 */
public record SshTarget(String user, String host, int port, List<Path> identities) {

    public SshTarget {
        identities = List.copyOf(identities);
    }

    public SshTarget(String user, String host, int port) {
        this(user, host, port, List.of());
    }

    /**
     * {@link #parse} with the person's {@code ~/.ssh/config} applied. A host reached through ProxyJump or
     * ProxyCommand is refused in words: the tunnel does not follow them yet.
     */
    public static SshTarget resolve(String address, String localUser, SshSettings settings) {
        SshTarget given = parse(address, "");
        Path file = settings.sshDir().resolve("config");
        if (!Files.isReadable(file)) {
            return given.user().isEmpty() ? new SshTarget(localUser, given.host(), given.port()) : given;
        }
        ConfigRepository.Config config;
        try {
            config = OpenSSHConfig.parseFile(file.toString()).getConfig(given.host());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (String hop : List.of("ProxyJump", "ProxyCommand")) {
            if (config.getValue(hop) != null && !config.getValue(hop).equalsIgnoreCase("none")) {
                throw new IllegalArgumentException(given.host() + " is reached through " + hop + " in " + file
                        + ", which Berth does not follow yet: use an address the app can reach directly.");
            }
        }
        URI uri = URI.create(address.strip());
        String user = !given.user().isEmpty() ? given.user()
                : config.getUser() != null ? config.getUser() : localUser;
        String host = config.getHostname() != null ? config.getHostname() : given.host();
        int port = uri.getPort() >= 0 ? uri.getPort() : config.getPort() > 0 ? config.getPort() : 22;
        List<Path> keys = new ArrayList<>();
        String[] files = config.getValues("IdentityFile");
        for (String f : files == null ? new String[0] : files) {
            keys.add(f.startsWith("~/") ? settings.sshDir().getParent().resolve(f.substring(2)) : Path.of(f));
        }
        return new SshTarget(user, host, port, keys);
    }
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
