package dev.berth.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * "Open Berth when I log in": an XDG autostart entry for this user ({@code ~/.config/autostart/dev.berth.Berth.desktop}),
 * which every Linux desktop reads at login. Off until the person turns it on in Settings (the package installs no
 * autostart of its own); the entry starts the launcher this app was started from, so an installed app and a checkout
 * each start themselves.
 */
public final class LoginItem {
    static final String FILE = "dev.berth.Berth.desktop";

    private final Path entry;
    private final String launcher;

    LoginItem(Path autostartDir, String launcher) {
        this.entry = autostartDir == null ? null : autostartDir.resolve(FILE);
        this.launcher = launcher;
    }

    /**
     * This user's login item for this app: the packaged launcher ({@code jpackage.app-path}) or a checkout's
     * {@code bin/berth}; none where the desktop has no XDG autostart (macOS and Windows have their own).
     */
    public static LoginItem forThisApp(Map<String, String> env, Path home) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new LoginItem(null, "");
        }
        String config = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path dir = (config.isBlank() ? home.resolve(".config") : Path.of(config)).resolve("autostart");
        String launcher = Optional.ofNullable(System.getProperty("jpackage.app-path"))
                .orElse(Path.of(System.getProperty("berth.home", ".")).toAbsolutePath().normalize()
                        .resolve("bin/berth").toString());
        return new LoginItem(dir, launcher);
    }

    /** Whether this desktop can start apps at login at all. */
    public boolean supported() {
        return entry != null;
    }

    public boolean enabled() {
        return entry != null && Files.isRegularFile(entry);
    }

    /** Writes or removes the entry. */
    public void setEnabled(boolean on) throws IOException {
        if (entry == null) {
            return;
        }
        if (!on) {
            Files.deleteIfExists(entry);
            return;
        }
        Files.createDirectories(entry.getParent());
        Path tmp = entry.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, """
                [Desktop Entry]
                Type=Application
                Name=Berth
                Comment=Berth's tray icon and window, opened at login
                Exec=%s
                Icon=dev.berth.Berth
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """.formatted(quoted(launcher)));
        Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The Exec key's quoting (Desktop Entry spec): a path with spaces or specials in double quotes. */
    static String quoted(String path) {
        if (path.matches("[A-Za-z0-9_./+-]+")) {
            return path;
        }
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`").replace("$", "\\$") + "\"";
    }
}
