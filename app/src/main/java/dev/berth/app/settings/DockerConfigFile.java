package dev.berth.app.settings;

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
 * does: {@code auths.<server>.auth} is base64 of {@code user:password}; every other key is kept as it was; the file
 * is replaced atomically and readable by its owner only. When a credential helper ({@code credsStore}, or
 * {@code credHelpers} for one registry) is configured, passwords belong to the helper, so this class refuses to
 * write them (see {@link #helperFor}).
 */
public final class DockerConfigFile {
    /** The key the docker CLI files Docker Hub's credentials under. */
    public static final String DOCKER_HUB = "https://index.docker.io/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored sign-in: the server key and the user name decoded from it. */
    public record Entry(String server, String user) {}

    private final Path file;

    public DockerConfigFile(Path file) {
        this.file = file;
    }

    /** The file the docker CLI of this user reads. */
    public static DockerConfigFile forUser(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        Path base = dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker");
        return new DockerConfigFile(base.resolve("config.json"));
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
        ObjectNode root = read();
        JsonNode perRegistry = root.path("credHelpers").path(serverKey(server));
        if (perRegistry.isTextual() && !perRegistry.asText().isBlank()) {
            return Optional.of(perRegistry.asText());
        }
        JsonNode store = root.path("credsStore");
        return store.isTextual() && !store.asText().isBlank() ? Optional.of(store.asText()) : Optional.empty();
    }

    /** The servers with credentials in the file itself, and who is signed in there. */
    public List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        JsonNode auths = read().path("auths");
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String auth = e.getValue().path("auth").asText("");
            if (auth.isEmpty() && e.getValue().path("identitytoken").asText("").isEmpty()) {
                continue;
            }
            out.add(new Entry(e.getKey(), user(auth)));
        }
        out.sort(java.util.Comparator.comparing(Entry::server));
        return out;
    }

    private static String user(String auth) {
        try {
            String plain = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return colon >= 0 ? plain.substring(0, colon) : plain;
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    /**
     * Stores a sign-in under {@link #serverKey}: {@code auth} = base64 of {@code user:password}, or of {@code user:}
     * with the {@code identitytoken} when the registry issued one (as the CLI does). Refuses when a helper owns it.
     */
    public void store(String server, String user, String password, String identityToken) throws IOException {
        String key = serverKey(server);
        if (helperFor(key).isPresent()) {
            throw new IllegalStateException("credentials for " + key + " belong to a credential helper");
        }
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

    /** Forgets the sign-in for {@code server}; true when there was one in the file. */
    public boolean remove(String server) throws IOException {
        ObjectNode root = read();
        JsonNode auths = root.path("auths");
        if (!(auths instanceof ObjectNode a) || a.remove(serverKey(server)) == null) {
            return false;
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
