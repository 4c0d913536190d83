package dev.berth.runtime.container.exec;

import java.util.List;

/** What {@code POST /containers/{id}/exec} asks for, in Docker's terms; a console size of 0 means "unknown". */
public record ExecConfig(
        List<String> cmd,
        List<String> env,
        String workingDir,
        String user,
        boolean attachStdin,
        boolean attachStdout,
        boolean attachStderr,
        boolean tty,
        boolean privileged,
        String detachKeys,
        int consoleHeight,
        int consoleWidth) {

    public ExecConfig {
        cmd = List.copyOf(cmd == null ? List.of() : cmd);
        env = List.copyOf(env == null ? List.of() : env);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        detachKeys = detachKeys == null ? "" : detachKeys;
    }

    /** The command as dockerd writes it in exec events: arguments joined by spaces. */
    public String commandLine() {
        return String.join(" ", cmd);
    }
}
