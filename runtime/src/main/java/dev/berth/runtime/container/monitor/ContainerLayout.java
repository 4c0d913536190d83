package dev.berth.runtime.container.monitor;

import java.nio.file.Path;

/**
 * Where one container's files live. Volatile run-time files (the bundle: config.json, pid files, the attach
 * socket and ctl FIFO) go under the exec root, a tmpfs like /run/berth/exec, so the socket path stays within the
 * 107 bytes a unix socket allows; what must survive a reboot (log, last exit code) goes under the data root.
 * <pre>
 * execRoot/containers/ID/      bundle: config.json, pidfile, conmon.pid, attach, ctl, winsz, *.fifo
 * execRoot/exits/ID            exit code written by conmon (text)
 * execRoot/socket/             conmon's --socket-dir-path (unused with --full-attach, required anyway)
 * execRoot/runtime/NAME/       the OCI runtime's --root
 * dataRoot/containers/ID/exit  exit code again (conmon --persist-dir), survives reboots
 * dataRoot/containers/ID/container.log   k8s-file log
 * </pre>
 */
public record ContainerLayout(String id, Path bundle, Path exitDir, Path socketDir, Path persistDir) {

    /** The layout of container {@code id} under the engine's exec and data roots. */
    public static ContainerLayout of(Path execRoot, Path dataRoot, String id) {
        return new ContainerLayout(id,
                execRoot.resolve("containers").resolve(id),
                execRoot.resolve("exits"),
                execRoot.resolve("socket"),
                dataRoot.resolve("containers").resolve(id));
    }

    public Path configJson() {
        return bundle.resolve("config.json");
    }
    public Path pidFile() {
        return bundle.resolve("pidfile");
    }
    public Path conmonPidFile() {
        return bundle.resolve("conmon.pid");
    }
    /** With --full-attach conmon binds the socket right in the bundle. */
    public Path attachSocket() {
        return bundle.resolve("attach");
    }
    public Path ctlFifo() {
        return bundle.resolve("ctl");
    }
    public Path exitFile() {
        return exitDir.resolve(id);
    }
    public Path persistedExitFile() {
        return persistDir.resolve("exit");
    }
    public Path logFile() {
        return persistDir.resolve("container.log");
    }
}
