package dev.berth.machine.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The docker CLI context {@code berth}, pointing at the VM's engine socket: {@code docker context use berth} (or
 * {@code docker --context berth …}) then reaches berthd in the VM. Written where the CLI keeps contexts, {@code
 * ~/.docker/contexts/meta/<sha256 of the name>/meta.json}; the current context is the person's choice and is left alone.
 */
public final class DockerContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerContext() {}

    /** Writes (or updates) context {@code name} for {@code socket} under {@code dockerConfigDir}. */
    public static Path write(Path dockerConfigDir, String name, Path socket, String description) throws IOException {
        return write(dockerConfigDir, name, "unix://" + socket, description);
    }

    /** As {@link #write(Path, String, Path, String)} for any docker host ({@code npipe://…} on Windows). */
    public static Path write(Path dockerConfigDir, String name, String host, String description) throws IOException {
        Path dir = dockerConfigDir.resolve("contexts").resolve("meta").resolve(sha256(name));
        Files.createDirectories(dir);
        ObjectNode meta = JSON.createObjectNode();
        meta.put("Name", name);
        meta.putObject("Metadata").put("Description", description);
        ObjectNode docker = meta.putObject("Endpoints").putObject("docker");
        docker.put("Host", host);
        docker.put("SkipTLSVerify", false);
        Path file = dir.resolve("meta.json");
        Path tmp = dir.resolve("meta.json.tmp");
        Files.write(tmp, JSON.writeValueAsBytes(meta));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Whether the CLI knows a context called {@code name} (whoever wrote it). */
    public static boolean exists(Path dockerConfigDir, String name) {
        return Files.isRegularFile(dockerConfigDir.resolve("contexts").resolve("meta").resolve(sha256(name))
                .resolve("meta.json"));
    }

    /** {@code $DOCKER_CONFIG}, else {@code ~/.docker}. */
    public static Path configDir(java.util.Map<String, String> env) {
        String dir = env.getOrDefault("DOCKER_CONFIG", "");
        return dir.isBlank() ? Path.of(System.getProperty("user.home"), ".docker") : Path.of(dir);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
