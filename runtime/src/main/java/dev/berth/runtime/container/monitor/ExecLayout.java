package dev.berth.runtime.container.monitor;

import java.nio.file.Path;

/**
 * Files of one exec session: conmon gets this directory as its bundle (-b), so the session has its own
 * attach socket and ctl FIFO. Kept short ({@code execRoot/exec/EXECID}) for the socket path limit.
 * conmon names the exit file after the container id (-c), so each session has its own exit dir.
 */
public record ExecLayout(String containerId, String execId, Path dir) {

    public static ExecLayout of(Path execRoot, String containerId, String execId) {
        return new ExecLayout(containerId, execId, execRoot.resolve("exec").resolve(execId));
    }

    public Path processJson() {
        return dir.resolve("process.json");
    }
    public Path pidFile() {
        return dir.resolve("pidfile");
    }
    public Path conmonPidFile() {
        return dir.resolve("conmon.pid");
    }
    public Path attachSocket() {
        return dir.resolve("attach");
    }
    public Path ctlFifo() {
        return dir.resolve("ctl");
    }
    public Path exitDir() {
        return dir.resolve("exit");
    }
    public Path exitFile() {
        return exitDir().resolve(containerId);
    }
    public Path logFile() {
        return dir.resolve("exec.log");
    }
}
