package dev.berth.app.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A docker credential helper for unit tests, {@code docker-credential-<name>} as a shell script speaking the helper
 * protocol and keeping each login as a file in a directory; {@link #env()} is the environment that finds it.
 */
public final class FakeCredentialHelper {
    private static final String SCRIPT = """
            #!/bin/sh
            # A credential helper for tests: keeps each login as a file in its store directory.
            store="__STORE__"
            input=$(cat)
            file() { printf '%s/%s' "$store" "$(printf '%s' "$1" | tr '/:' '__')"; }
            case "$1" in
              store)
                server=$(printf '%s' "$input" | sed -n 's/.*"ServerURL":"\\([^"]*\\)".*/\\1/p')
                printf '%s' "$input" > "$(file "$server")" ;;
              get)
                if [ -f "$(file "$input")" ]; then cat "$(file "$input")"; else echo "credentials not found in native keychain"; exit 1; fi ;;
              erase)
                if [ -f "$(file "$input")" ]; then rm "$(file "$input")"; else echo "credentials not found in native keychain"; exit 1; fi ;;
              list)
                printf '{'; sep=''
                for f in "$store"/*; do
                  [ -f "$f" ] || continue
                  s=$(sed -n 's/.*"ServerURL":"\\([^"]*\\)".*/\\1/p' "$f"); u=$(sed -n 's/.*"Username":"\\([^"]*\\)".*/\\1/p' "$f")
                  printf '%s"%s":"%s"' "$sep" "$s" "$u"; sep=','
                done
                printf '}' ;;
              *) echo "unknown command $1" >&2; exit 2 ;;
            esac
            """;

    private final Path bin;
    private final Path store;

    private FakeCredentialHelper(Path bin, Path store) {
        this.bin = bin;
        this.store = store;
    }

    /** Installs {@code docker-credential-<name>} under {@code dir}. */
    public static FakeCredentialHelper install(Path dir, String name) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path store = Files.createDirectories(dir.resolve("store-" + name));
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, SCRIPT.replace("__STORE__", store.toString()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new FakeCredentialHelper(bin, store);
    }

    /** A PATH with the helper (and the shell tools it uses), and where it keeps logins. */
    public Map<String, String> env() {
        return Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", bin.getParent().toString());
    }

    /** The directory programs next to the helper go in (a fake {@code pass}, say). */
    public Path bin() {
        return bin;
    }

    /** What the helper keeps for {@code server}, as it would answer {@code get}; null when nothing. */
    public String kept(String server) throws IOException {
        Path f = store.resolve(server.replace('/', '_').replace(':', '_'));
        return Files.exists(f) ? Files.readString(f) : null;
    }
}
