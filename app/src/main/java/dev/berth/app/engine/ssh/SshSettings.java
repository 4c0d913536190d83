package dev.berth.app.engine.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where this person's ssh set-up is: {@code ~/.ssh} (keys, known_hosts) and the agent's socket ({@code SSH_AUTH_SOCK}).
 * The command run on the host comes from here too, so a test or a site can change it.
 */
public record SshSettings(Path sshDir, String agentSocket, String dialCommand) {
    /**
     * Run on the host for each connection: the docker CLI's own dial-stdio, else berthd's (a host with only Berth),
     * with a clear message when neither is there.
     */
    public static final String DIAL = "if command -v docker >/dev/null 2>&1; then exec docker system dial-stdio; "
            + "elif command -v berthd >/dev/null 2>&1; then exec berthd dial-stdio; "
            + "else echo 'neither docker nor berthd is installed on this host' >&2; exit 127; fi";

    /** The keys ssh tries by default, in its order. */
    static final List<String> KEY_FILES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    public static SshSettings forUser(Map<String, String> env, Path home) {
        return new SshSettings(home.resolve(".ssh"), env.getOrDefault("SSH_AUTH_SOCK", ""), DIAL);
    }

    Path knownHosts() {
        return sshDir.resolve("known_hosts");
    }

    /** The private keys present in {@code ~/.ssh}, in ssh's order. */
    List<Path> keys() {
        return KEY_FILES.stream().map(sshDir::resolve).filter(Files::isReadable).toList();
    }
}
