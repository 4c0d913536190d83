package dev.berth.runtime.daemon;

import dev.berth.runtime.api.system.BerthVersion;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/** berthd's entry point: parses flags, starts the engine, and shuts it down cleanly on SIGTERM or SIGINT. */
public final class Berthd {
    private Berthd() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** {@code berthd check}: only while no berthd holds the data root, so nothing changes under the check. */
    private static int check(DaemonArgs.Check c, PrintStream out, PrintStream err) {
        if (!java.nio.file.Files.isDirectory(c.dataRoot())) {
            err.println("berthd check: " + c.dataRoot() + " is not a data root (no such directory)");
            return 1;
        }
        try (DataRootLock lock = DataRootLock.acquire(c.dataRoot().resolve("berthd.lock"))) {
            return new dev.berth.runtime.check.DataRootCheck(c.dataRoot()).run(c.repair(), out);
        } catch (StartupException e) {
            err.println("berthd check: " + e.getMessage() + "; stop that berthd first");
            return 2;
        } catch (java.io.IOException e) {
            err.println("berthd check: " + e.getMessage());
            return 2;
        }
    }

    /** {@code berthd stop-containers}: a client of a running berthd; no engine answering is not an error. */
    private static int stopContainers(DaemonArgs.StopContainers s, PrintStream out, PrintStream err) {
        if (!java.nio.file.Files.exists(s.socket())) {
            out.println("berthd stop-containers: no engine on " + s.socket() + ", nothing to stop");
            return 0;
        }
        try {
            return new dev.berth.runtime.admin.StopContainers(s.socket(), s.graceSeconds()).run(out, err);
        } catch (java.io.IOException e) {
            err.println("berthd stop-containers: " + e.getMessage());
            return 1;
        }
    }

    /** {@code berthd dial-stdio}: the engine's socket on stdin and stdout, until the engine closes it. */
    private static int dialStdio(DaemonArgs.DialStdio d, PrintStream err) {
        try {
            // Standard output as a file, not System.out: a PrintStream swallows the error of a client gone away, and
            // dial-stdio would copy an endless stream (events, logs -f) to nobody for ever.
            new dev.berth.runtime.admin.DialStdio(d.socket()).run(System.in,
                    new java.io.FileOutputStream(java.io.FileDescriptor.out));
            return 0;
        } catch (java.io.IOException e) {
            err.println("berthd dial-stdio: cannot reach the engine at " + d.socket() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Runs berthd until a termination signal; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        DaemonConfig config;
        try {
            switch (DaemonArgs.parse(args)) {
                case DaemonArgs.Help h -> {
                    out.print(DaemonArgs.USAGE);
                    return 0;
                }
                case DaemonArgs.Version v -> {
                    out.println("Berth version " + BerthVersion.version() + ", build " + BerthVersion.gitCommit()
                            + " (Docker Engine API " + BerthVersion.ENGINE_COMPAT_VERSION + ")");
                    return 0;
                }
                case DaemonArgs.Run r -> config = ConfigLoader.load(r, DaemonConfig.DEFAULT_CONFIG_FILE);
                case DaemonArgs.Check c -> {
                    return check(c, out, err);
                }
                case DaemonArgs.StopContainers s -> {
                    return stopContainers(s, out, err);
                }
                case DaemonArgs.DialStdio d -> {
                    return dialStdio(d, err);
                }
            }
        } catch (StartupException e) {
            err.println("berthd: " + e.getMessage());
            return e.exitCode();
        }
        LogSetup.configure(config.effectiveLogLevel());
        CountDownLatch stop = new CountDownLatch(1);
        // Signal handlers rather than a shutdown hook: the JVM would exit 143 after a hook, and a clean stop is 0.
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        RunningDaemon daemon;
        try {
            daemon = RunningDaemon.start(config);
        } catch (StartupException e) {
            err.println("berthd: " + e.getMessage());
            return e.exitCode();
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        daemon.shutdown();
        return 0;
    }
}
