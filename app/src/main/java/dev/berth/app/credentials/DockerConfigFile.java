package dev.berth.app.credentials;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI's {@code config.json} ({@code $DOCKER_CONFIG} or {@code ~/.docker}), read and written as the CLI
 * does: where a credential helper is configured ({@code credsStore}, or {@code credHelpers} for one registry) the
 * password goes to the helper and the file only lists the server; otherwise {@code auths.<server>.auth} is base64 of
 * {@code user:password}. A sign-in without any helper configured first adopts the store the desktop has, as the
 * CLI does, so passwords land in plain text only where there is no store. Every other key is kept as it was; the
 * file is replaced atomically and readable by its owner only.
 */
public final class DockerConfigFile {
    /** The key the docker CLI files Docker Hub's credentials under. */
    public static final String DOCKER_HUB = "https://index.docker.io/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored sign-in: the server key and the user name decoded from it. */
    public record Entry(String server, String user) {}

    private final Path file;
    /** The environment credential helpers run in (PATH finds them; their stores read HOME, GNUPGHOME, D-Bus …). */
    private final Map<String, String> env;

    public DockerConfigFile(Path file, Map<String, String> env) {
        this.file = file;
        this.env = Map.copyOf(env);
    }

    /** The file the docker CLI of this user reads; helpers run with {@code env}. */
    public static DockerConfigFile forUser(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        Path base = dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker");
        return new DockerConfigFile(base.resolve("config.json"), env);
    }

    /** The file of the user running the app ({@code -DDOCKER_CONFIG=…} overrides the environment, as in docker-java). */
    public static DockerConfigFile forThisUser() {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        String override = System.getProperty("DOCKER_CONFIG");
        if (override != null && !override.isBlank()) {
            env.put("DOCKER_CONFIG", override);
        }
        return forUser(env, Path.of(System.getProperty("user.home")));
    }

    public Path path() {
        return file;
    }

    /**
     * The key the CLI uses for a registry typed by a person: Docker Hub's aliases become {@link #DOCKER_HUB}, other
     * addresses lose their scheme and path ("https://localhost:5000/v2/" becomes "localhost:5000").
     */
    public static String serverKey(String typed) {
        String s = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        s = s.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        if (s.isEmpty() || s.equals("docker.io") || s.equals("index.docker.io") || s.equals("registry-1.docker.io")) {
            return DOCKER_HUB;
        }
        return s;
    }

    /** The credential helper that owns {@code server}'s password ({@code credHelpers}, else {@code credsStore}). */
    public Optional<String> helperFor(String server) throws IOException {
        return helperIn(read(), server);
    }

    private static Optional<String> helperIn(ObjectNode root, String server) {
        JsonNode perRegistry = root.path("credHelpers").path(serverKey(server));
        if (perRegistry.isTextual() && !perRegistry.asText().isBlank()) {
            return Optional.of(perRegistry.asText());
        }
        JsonNode store = root.path("credsStore");
        return store.isTextual() && !store.asText().isBlank() ? Optional.of(store.asText()) : Optional.empty();
    }

    /** Where a sign-in to {@code server} would keep its password: the helper configured, the desktop's store, or empty for the file. */
    public Optional<String> storeFor(String server) throws IOException {
        Optional<String> helper = helperFor(server);
        return helper.isPresent() ? helper : desktopStore(env);
    }

    /** The servers signed in to (in the file, or listed there and kept by a helper), and who is signed in there. */
    public List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        ObjectNode root = read();
        JsonNode auths = root.path("auths");
        Map<String, Map<String, String>> listed = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String auth = e.getValue().path("auth").asText("");
            if (!auth.isEmpty() || !e.getValue().path("identitytoken").asText("").isEmpty()) {
                out.add(new Entry(e.getKey(), user(auth)));
                continue;
            }
            Optional<String> helper = helperIn(root, e.getKey());
            if (helper.isPresent()) {
                Map<String, String> users = listed.computeIfAbsent(helper.get(), this::listQuietly);
                if (users.containsKey(e.getKey())) {
                    String u = users.get(e.getKey());
                    out.add(new Entry(e.getKey(), u.equals(RegistryLogin.TOKEN_USER) ? "" : u));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Entry::server));
        return out;
    }

    private Map<String, String> listQuietly(String helper) {
        try {
            return helper(helper).list();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The login kept for {@code server}: by its credential helper when one is configured, else in the file. */
    public Optional<RegistryLogin> loginFor(String server) throws IOException {
        String key = serverKey(server);
        ObjectNode root = read();
        Optional<String> helper = helperIn(root, key);
        if (helper.isPresent()) {
            return helper(helper.get()).get(key);
        }
        JsonNode entry = root.path("auths").path(key);
        String auth = entry.path("auth").asText("");
        String token = entry.path("identitytoken").asText("");
        if (auth.isEmpty() && token.isEmpty()) {
            return Optional.empty();
        }
        String plain = decode(auth);
        int colon = plain.indexOf(':');
        return Optional.of(new RegistryLogin(key, colon >= 0 ? plain.substring(0, colon) : plain,
                colon >= 0 ? plain.substring(colon + 1) : "", token));
    }

    /**
     * Every login there is, by server: the file's, the configured store's and each per-registry helper's (what the
     * docker CLI sends a build for its base images). A helper that fails is left out rather than failing the build.
     */
    public Map<String, RegistryLogin> allLogins() throws IOException {
        ObjectNode root = read();
        java.util.Set<String> servers = new java.util.TreeSet<>();
        root.path("auths").fieldNames().forEachRemaining(servers::add);
        root.path("credHelpers").fieldNames().forEachRemaining(servers::add);
        JsonNode store = root.path("credsStore");
        if (store.isTextual() && !store.asText().isBlank()) {
            servers.addAll(listQuietly(store.asText()).keySet());
        }
        Map<String, RegistryLogin> out = new java.util.LinkedHashMap<>();
        for (String server : servers) {
            try {
                loginFor(server).ifPresent(l -> out.put(server, l));
            } catch (IOException unreachableHelper) {
                // Left out: a build that needs it fails with the registry's own "unauthorized".
            }
        }
        return out;
    }

    private CredentialHelper helper(String name) throws IOException {
        return CredentialHelper.find(name, env).orElseThrow(() -> new IOException("your docker configuration keeps "
                + "passwords in the credential helper '" + name + "', but docker-credential-" + name
                + " is not installed (not on the PATH)"));
    }

    /**
     * The credential store this desktop offers, as the docker CLI picks one when config.json names none: the
     * keychain on macOS, the credential manager on Windows; on Linux {@code pass} where a password store is set up
     * (the CLI takes pass whenever the program exists, and then fails on a store nobody set up), else the desktop's
     * secret service (GNOME Keyring, KWallet) when a D-Bus session is there. Only stores whose helper is installed.
     */
    public static Optional<String> desktopStore(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        if (os.contains("mac")) {
            candidates.add("osxkeychain");
        } else if (os.contains("win")) {
            candidates.add("wincred");
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            String passDir = env.getOrDefault("PASSWORD_STORE_DIR", home + "/.password-store");
            if (CredentialHelper.onPath("pass", env).isPresent() && Files.exists(Path.of(passDir, ".gpg-id"))) {
                candidates.add("pass");
            }
            if (env.containsKey("DBUS_SESSION_BUS_ADDRESS")) {
                candidates.add("secretservice");
            }
        }
        return candidates.stream().filter(c -> CredentialHelper.find(c, env).isPresent()).findFirst();
    }

    private static String user(String auth) {
        String plain = decode(auth);
        int colon = plain.indexOf(':');
        return colon >= 0 ? plain.substring(0, colon) : plain;
    }

    private static String decode(String auth) {
        try {
            return new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    /**
     * Stores a sign-in under {@link #serverKey}. With a credential helper configured, or the desktop's store adopted
     * as {@code credsStore} when none is ({@link #desktopStore}), the helper keeps the secret and the file lists the
     * server with nothing in it; otherwise {@code auth} = base64 of {@code user:password}, or of {@code user:} with the
     * {@code identitytoken} when the registry issued one (as the CLI does). Returns the helper used, or empty for the
     * file.
     */
    public Optional<String> store(String server, String user, String password, String identityToken)
            throws IOException {
        String key = serverKey(server);
        ObjectNode root = read();
        Optional<String> helper = helperIn(root, key);
        boolean adopted = false;
        if (helper.isEmpty()) {
            helper = desktopStore(env);
            adopted = helper.isPresent();
        }
        if (helper.isPresent()) {
            // The store is named in the file only once it took the password: a store that fails (a locked or absent
            // keyring) must not be left in charge of every registry's logins.
            helper(helper.get())
                    .store(new RegistryLogin(key, user, password, identityToken == null ? "" : identityToken));
            if (adopted) {
                root.put("credsStore", helper.get());
            }
            ObjectNode auths = root.has("auths") && root.get("auths").isObject() ? (ObjectNode) root.get("auths")
                    : root.putObject("auths");
            auths.putObject(key);
            write(root);
            return helper;
        }
        storeInFile(key, user, password, identityToken);
        return Optional.empty();
    }

    private void storeInFile(String key, String user, String password, String identityToken) throws IOException {
        ObjectNode root = read();
        ObjectNode auths = root.has("auths") && root.get("auths").isObject() ? (ObjectNode) root.get("auths")
                : root.putObject("auths");
        ObjectNode entry = auths.has(key) && auths.get(key).isObject() ? (ObjectNode) auths.get(key)
                : auths.putObject(key);
        boolean token = identityToken != null && !identityToken.isBlank();
        entry.put("auth", Base64.getEncoder().encodeToString((user + ":" + (token ? "" : password))
                .getBytes(StandardCharsets.UTF_8)));
        if (token) {
            entry.put("identitytoken", identityToken);
        } else {
            entry.remove("identitytoken");
        }
        write(root);
    }

    /** Forgets the sign-in for {@code server}, in its helper and in the file; true when the file listed it. */
    public boolean remove(String server) throws IOException {
        String key = serverKey(server);
        Optional<String> helper = helperFor(key);
        if (helper.isPresent()) {
            helper(helper.get()).erase(key);
        }
        ObjectNode root = read();
        JsonNode auths = root.path("auths");
        if (!(auths instanceof ObjectNode a) || a.remove(key) == null) {
            return helper.isPresent();
        }
        write(root);
        return true;
    }

    private ObjectNode read() throws IOException {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode node = JSON.readTree(text);
        if (!(node instanceof ObjectNode o)) {
            throw new IOException(file + " is not a JSON object; fix or remove it before signing in");
        }
        return o;
    }

    private void write(ObjectNode root) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Tabs, as the CLI indents it, so a diff after a sign-in shows only the sign-in.
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("\t", "\n"));
        byte[] bytes = (JSON.writer(pretty).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".config.json.", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
