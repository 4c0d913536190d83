package dev.berth.machine;

import java.nio.file.Path;

/**
 * Where a machine keeps its files: {@code ~/.berth/machines/<name>/} (disk, console log, state, secret, control
 * sockets) and {@code ~/.berth/run/docker.sock}, the engine socket on the host. Unix socket paths must fit in 108
 * bytes; the control sockets live in the machine directory, which is kept short for that.
 */
public record MachinePaths(Path berthHome, String name) {

    /** {@code $BERTH_HOME}, else {@code ~/.berth}. */
    public static MachinePaths of(String name, java.util.Map<String, String> env) {
        String home = env.getOrDefault("BERTH_HOME", "");
        Path base = home.isBlank() ? Path.of(System.getProperty("user.home"), ".berth") : Path.of(home);
        return new MachinePaths(base.toAbsolutePath(), name);
    }

    public Path dir() {
        return berthHome.resolve("machines").resolve(name);
    }

    /** The engine socket the docker CLI, compose and the app use. */
    public Path engineSocket() {
        return berthHome.resolve("run")
                .resolve(name.equals(MachineConfig.DEFAULT_NAME) ? "docker.sock" : name + ".sock");
    }

    public Path config() {
        return dir().resolve("config.json");
    }

    public Path state() {
        return dir().resolve("state.json");
    }

    public Path dataDisk() {
        return dir().resolve("data.img");
    }

    /** The VM's serial console: the kernel's and init's messages, kept to explain a failed boot. */
    public Path consoleLog() {
        return dir().resolve("console.log");
    }

    /** The host process's own log. */
    public Path hostLog() {
        return dir().resolve("host.log");
    }

    public Path token() {
        return dir().resolve("token");
    }

    public Path qmpSocket() {
        return dir().resolve("qmp.sock");
    }

    /** A root shell in the guest ({@code berth machine shell}). */
    public Path shellSocket() {
        return dir().resolve("shell.sock");
    }

    /** Commands to the guest's init (power off, set the clock). */
    public Path controlSocket() {
        return dir().resolve("control.sock");
    }

    /** Names the hardware accelerator that hung on this machine before, so later starts go straight to TCG. */
    public Path hungAccelerator() {
        return dir().resolve("accel-hung");
    }

    public Path qemuPidFile() {
        return dir().resolve("qemu.pid");
    }
}
