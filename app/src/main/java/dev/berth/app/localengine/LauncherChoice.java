package dev.berth.app.localengine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Picks how this host starts berthd: its installed system service where systemd runs one (for root too, so the
 * app and the service never both run an engine on one data root), else directly as root, else through pkexec.
 */
public final class LauncherChoice {
    /** Where systemd looks for an installed unit, most local first. */
    static final List<Path> UNIT_DIRS = List.of(Path.of("/etc/systemd/system"), Path.of("/run/systemd/system"),
            Path.of("/usr/local/lib/systemd/system"), Path.of("/usr/lib/systemd/system"),
            Path.of("/lib/systemd/system"));

    /** What matters about the host. */
    public record Host(boolean root, boolean systemdRunning, boolean serviceInstalled) {
        /** Reads this host: uid from procfs, systemd as sd_booted(3) checks it, the unit in systemd's dirs. */
        public static Host current() {
            boolean installed = UNIT_DIRS.stream().anyMatch(d -> Files.exists(d.resolve(ServiceLauncher.UNIT)));
            return new Host(runningAsRoot(), Files.isDirectory(Path.of("/run/systemd/system")), installed);
        }
    }

    private LauncherChoice() {}

    public static EngineLauncher forHost(Host host, Path berthdScript, Path logFile) {
        if (host.systemdRunning() && host.serviceInstalled()) {
            return new ServiceLauncher();
        }
        return host.root() ? ProcessLauncher.direct(berthdScript, logFile)
                : ProcessLauncher.pkexec(berthdScript, logFile);
    }

    /** Whether this process runs as uid 0, read from {@code /proc/self/status} (no native call needed). */
    public static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux or no procfs: fall back to the user name.
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
