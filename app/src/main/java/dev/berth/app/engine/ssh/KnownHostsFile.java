package dev.berth.app.engine.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Adds a host key the person has checked to {@code ~/.ssh/known_hosts}, in OpenSSH's own line format. */
public final class KnownHostsFile {
    private KnownHostsFile() {}

    /** Records the key of {@code unknown} as trusted; a changed key is refused (see UnknownHostKeyException). */
    public static void trust(SshSettings settings, UnknownHostKeyException unknown) throws IOException {
        if (unknown.changed()) {
            throw new IOException("a changed host key is not trusted from the app: " + unknown.getMessage());
        }
        Path dir = settings.sshDir();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        String line = UnknownHostKeyException.hostPattern(unknown.target()) + " " + unknown.type() + " "
                + unknown.keyBase64() + "\n";
        Path file = settings.knownHosts();
        if (Files.isRegularFile(file)) {
            String existing = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (existing.contains(line)) {
                return;
            }
            if (!existing.isEmpty() && !existing.endsWith("\n")) {
                // A last line without its newline would swallow ours.
                line = "\n" + line;
            }
        }
        Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
