package dev.berth.runtime.container.monitor;

import dev.berth.runtime.container.oci.OciRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds conmon's command line the way podman does (libpod/oci_conmon_common.go, sharedConmonArgs). */
final class ConmonCommand {
    private ConmonCommand() {}

    /** Arguments to monitor a new container: conmon runs {@code runtime create} itself. */
    static List<String> forContainer(Path conmon, OciRuntime runtime, ContainerLayout layout, MonitorOptions options) {
        List<String> argv = shared(conmon, runtime, layout.id(), layout.id(), options.name(), layout.bundle(),
                layout.pidFile(), layout.exitDir(), layout.logFile(), layout.socketDir(), layout.conmonPidFile());
        argv.addAll(List.of("--persist-dir", layout.persistDir().toString()));
        stdio(argv, options.terminal(), options.openStdin(), !options.stdinOnce());
        if (options.logSizeMax() > 0) {
            argv.addAll(List.of("--log-size-max", Long.toString(options.logSizeMax())));
        }
        return argv;
    }

    /** Arguments to run an exec session: conmon runs {@code runtime exec --process F --detach} and reports its exit code. */
    static List<String> forExec(Path conmon, OciRuntime runtime, ExecLayout layout, ContainerLayout container,
            boolean terminal, boolean openStdin, boolean attach) {
        List<String> argv = shared(conmon, runtime, layout.containerId(), layout.execId(), layout.execId(),
                layout.dir(),
                layout.pidFile(), layout.exitDir(), layout.logFile(), container.socketDir(), layout.conmonPidFile());
        argv.addAll(List.of("-e", "--exec-process-spec", layout.processJson().toString()));
        if (attach) {
            argv.add("--exec-attach");
        }
        stdio(argv, terminal, openStdin, false);
        return argv;
    }

    private static List<String> shared(Path conmon, OciRuntime runtime, String id, String uuid, String name,
            Path bundle,
            Path pidFile, Path exitDir, Path logFile, Path socketDir, Path conmonPidFile) {
        List<String> argv = new ArrayList<>(List.of(
                conmon.toString(), "--api-version", "1",
                "-c", id, "-u", uuid, "-r", runtime.binary().toString(),
                "-b", bundle.toString(), "-p", pidFile.toString(), "-n", name,
                "--exit-dir", exitDir.toString(), "--full-attach",
                "-l", "k8s-file:" + logFile,
                "--socket-dir-path", socketDir.toString(),
                "--conmon-pidfile", conmonPidFile.toString()));
        // --root=DIR as one word: conmon passes each --runtime-arg through as a separate argv entry.
        List<String> global = runtime.globalArgs();
        for (int i = 0; i < global.size(); i++) {
            String arg = global.get(i);
            if (arg.startsWith("--") && !arg.contains("=") && i + 1 < global.size()
                    && !global.get(i + 1).startsWith("-")) {
                arg = arg + "=" + global.get(++i);
            }
            argv.addAll(List.of("--runtime-arg", arg));
        }
        return argv;
    }

    private static void stdio(List<String> argv, boolean terminal, boolean openStdin, boolean leaveStdinOpen) {
        if (terminal) {
            argv.add("-t");
        }
        if (openStdin) {
            argv.add("-i");
            if (leaveStdinOpen) {
                argv.add("--leave-stdin-open");
            }
        }
    }
}
