package dev.berth.app.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command that opens {@code docker exec -it} in the user's own terminal emulator: {@code x-terminal-emulator}
 * (Debian's alternatives link to the user's choice) on Linux, Terminal.app through {@code osascript} on macOS,
 * Windows Terminal ({@code wt.exe}) on Windows. {@code DOCKER_HOST} points docker at the engine the app uses.
 */
public final class ExternalTerminal {
    private ExternalTerminal() {}

    /** The argv to start, for {@code os} as in {@code os.name}. */
    public static List<String> command(String os, String engineUri, String containerId, String shell) {
        String lower = os.toLowerCase(Locale.ROOT);
        List<String> docker = List.of("docker", "--host", engineUri, "exec", "-it", containerId, shell);
        if (lower.contains("mac")) {
            String line = String.join(" ", docker.stream().map(ExternalTerminal::shellQuote).toList());
            return List.of("osascript", "-e", "tell application \"Terminal\" to do script \""
                    + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", "-e",
                    "tell application \"Terminal\" to activate");
        }
        List<String> argv = new ArrayList<>();
        if (lower.contains("win")) {
            argv.addAll(List.of("wt.exe", "new-tab", "--title", "Berth " + shortId(containerId)));
        } else {
            argv.addAll(List.of("x-terminal-emulator", "-e"));
        }
        argv.addAll(docker);
        return argv;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** POSIX single-quoting, so an address or path with spaces survives the shell Terminal.app runs. */
    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=@-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
