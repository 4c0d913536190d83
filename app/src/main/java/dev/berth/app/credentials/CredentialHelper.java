package dev.berth.app.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One docker credential helper, {@code docker-credential-<name>} on the PATH, spoken to as the docker CLI does: the
 * command ({@code get}, {@code store}, {@code erase}, {@code list}) as argument, the server or a JSON document on
 * stdin, JSON on stdout. The keyring, pass store or keychain behind it is the helper's business.
 */
public final class CredentialHelper {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What every helper prints when it has nothing for a server (credentials.errCredentialsNotFound). */
    private static final String NOT_FOUND = "credentials not found in native keychain";
    private static final long TIMEOUT_SECONDS = 60; // a keyring may ask the person to unlock it first

    private final String name;
    private final Path binary;
    private final Map<String, String> env;

    private CredentialHelper(String name, Path binary, Map<String, String> env) {
        this.name = name;
        this.binary = binary;
        this.env = env;
    }

    /** The helper called {@code name}, if its program is on {@code env}'s PATH. */
    public static Optional<CredentialHelper> find(String name, Map<String, String> env) {
        return onPath("docker-credential-" + name, env).map(p -> new CredentialHelper(name, p, env));
    }

    static Optional<Path> onPath(String program, Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    public String name() {
        return name;
    }

    /** The login kept for {@code server}, or empty when the helper has none. */
    public Optional<RegistryLogin> get(String server) throws IOException {
        Result r = run("get", server);
        if (r.exit != 0) {
            if (r.out.contains(NOT_FOUND) || r.err.contains(NOT_FOUND)) {
                return Optional.empty();
            }
            throw failure("get", r);
        }
        JsonNode n = JSON.readTree(r.out);
        String user = n.path("Username").asText("");
        String secret = n.path("Secret").asText("");
        return Optional.of(user.equals(RegistryLogin.TOKEN_USER)
                ? new RegistryLogin(server, "", "", secret)
                : new RegistryLogin(server, user, secret, ""));
    }

    /** Keeps {@code login} for its server (an identity token under the user name {@code <token>}, as the CLI does). */
    public void store(RegistryLogin login) throws IOException {
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("ServerURL", login.server());
        doc.put("Username", login.hasIdentityToken() ? RegistryLogin.TOKEN_USER : login.user());
        doc.put("Secret", login.hasIdentityToken() ? login.identityToken() : login.password());
        Result r = run("store", JSON.writeValueAsString(doc));
        if (r.exit != 0) {
            throw failure("store", r);
        }
    }

    /** Forgets {@code server}'s login; nothing to forget is not an error. */
    public void erase(String server) throws IOException {
        Result r = run("erase", server);
        if (r.exit != 0 && !r.out.contains(NOT_FOUND) && !r.err.contains(NOT_FOUND)) {
            throw failure("erase", r);
        }
    }

    /** Server → user name of every login the helper keeps (for Docker's servers, among others). */
    public Map<String, String> list() throws IOException {
        Result r = run("list", "");
        if (r.exit != 0) {
            throw failure("list", r);
        }
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = JSON.readTree(r.out.isBlank() ? "{}" : r.out);
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText("")));
        return out;
    }

    private IOException failure(String command, Result r) {
        String said = (r.out + " " + r.err).strip();
        return new IOException("the credential helper docker-credential-" + name + " could not " + command
                + (said.isEmpty() ? " (exit " + r.exit + ")" : ": " + said));
    }

    private record Result(int exit, String out, String err) {}

    private Result run(String command, String stdin) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(binary.toString(), command));
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readQuietly(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = readQuietly(p.getInputStream());
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the credential helper docker-credential-" + name + " did not answer within "
                        + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking docker-credential-" + name, e);
        }
        return new Result(p.exitValue(), out, err.join());
    }

    private static String readQuietly(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
