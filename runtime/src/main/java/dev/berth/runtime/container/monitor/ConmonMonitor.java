package dev.berth.runtime.container.monitor;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.container.oci.Executables;
import dev.berth.runtime.container.oci.OciRuntime;
import dev.berth.runtime.container.oci.RuntimeSpec;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.linux.Spawn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs containers and exec sessions under conmon, one small C process per container, never a JVM:
 * conmon double-forks away from the engine, becomes the subreaper of the container, copies its output to the
 * log and attach socket, and writes the exit code to a file. So containers outlive the engine, and the
 * engine learns everything again from files ({@link MonitoredContainer#reattach}).
 *
 * <p>conmon wants its parent pipes as inherited fds named by env vars; ProcessBuilder cannot pass extra fds to a
 * child, so conmon is started with posix_spawn ({@link Spawn}), which opens our named FIFOs on fds 3+ in the
 * child. (A bash trampoline did the same at ~10 ms per container start.)
 */
public final class ConmonMonitor implements ContainerMonitor {
    static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CREATE_TIMEOUT = Duration.ofSeconds(90);

    private final Path conmon;
    private final OciRuntime runtime;
    private final java.util.Map<Path, ExitWatcher> exitWatchers = new java.util.concurrent.ConcurrentHashMap<>();

    public ConmonMonitor(Path conmon, OciRuntime runtime) {
        this.conmon = conmon;
        this.runtime = runtime;
    }

    /** conmon from the PATH, or podman's libexec copy. */
    public static Path findConmon() {
        Path found = Executables.find("conmon");
        Path podmans = Path.of("/usr/libexec/podman/conmon");
        return Files.isExecutable(found) || !Files.isExecutable(podmans) ? found : podmans;
    }

    @Override
    public OciRuntime runtime() {
        return runtime;
    }

    /**
     * Writes {@code spec} as the bundle's config.json and has conmon run {@code runtime create}. On return the
     * container is "created": call {@link OciRuntime#start} to run it. A runtime failure becomes an
     * {@link EngineException} with the runtime's message.
     */
    @Override
    public MonitoredContainer create(ContainerLayout layout, RuntimeSpec spec, MonitorOptions options) {
        try {
            prepare(layout);
            AtomicFiles.write(layout.configJson(), Json.MAPPER.writeValueAsBytes(spec));
        } catch (IOException e) {
            throw new EngineException("cannot prepare the bundle of " + layout.id() + ": " + e.getMessage(), e);
        }
        List<String> argv = ConmonCommand.forContainer(conmon, runtime, layout, options);
        try (ParentPipe sync = ParentPipe.create(layout.bundle().resolve("sync.fifo"));
                ParentPipe start = ParentPipe.create(layout.bundle().resolve("start.fifo"))) {
            // The start pipe lets a parent move conmon into a cgroup before it forks; we have nothing to do, so release it.
            start.signal();
            launch(argv, List.of(
                    new ParentPipe.ChildEnd("_OCI_SYNCPIPE", sync.path(), true),
                    new ParentPipe.ChildEnd("_OCI_STARTPIPE", start.path(), false)), layout.bundle());
            long conmonPid = MonitoredContainer.readPid(layout.conmonPidFile()).orElse(0);
            SyncMessage message = sync.next(CREATE_TIMEOUT, alive(conmonPid), "the pid of container " + layout.id());
            if (message.failed()) {
                throw new EngineException("OCI runtime create failed: " + (message.message().isEmpty()
                        ? "conmon reported " + message.data() : message.message()));
            }
            return new MonitoredContainer(layout, message.data(), conmonPid);
        } catch (IOException e) {
            throw new EngineException("cannot start conmon for " + layout.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Completes with {@code container}'s exit code as soon as conmon writes it (at once if it has), through one
     * inotify watch on the exits directory shared by all containers.
     */
    @Override
    public CompletableFuture<Integer> exitOf(MonitoredContainer container) {
        ContainerLayout layout = container.layout();
        ExitWatcher watcher = exitWatchers.computeIfAbsent(layout.exitDir(), dir -> {
            try {
                return new ExitWatcher(dir);
            } catch (IOException e) {
                return null; // no inotify watch possible: fall back to polling below
            }
        });
        return watcher == null ? container.onExit()
                : watcher.await(layout.exitFile().getFileName().toString(), layout.persistedExitFile(),
                        () -> container.conmonPid() <= 0 || container.monitorAlive()); // an unknown pid is not a dead one
    }

    /**
     * Runs {@code process} in running container {@code container} through conmon ({@code -e}). With
     * {@code attach}, conmon waits until we are connected to the session's attach socket before it execs,
     * so no output is lost; the connection is then in {@link ExecSession#attachment()}.
     */
    @Override
    public ExecSession exec(ContainerLayout container, ExecLayout layout, RuntimeSpec.Process process, boolean attach) {
        boolean terminal = Boolean.TRUE.equals(process.terminal());
        try {
            Files.createDirectories(layout.exitDir());
            Files.deleteIfExists(layout.exitFile());
            Files.deleteIfExists(layout.attachSocket());
            AtomicFiles.write(layout.processJson(), Json.MAPPER.writeValueAsBytes(process));
        } catch (IOException e) {
            throw new EngineException("cannot prepare exec " + layout.execId() + ": " + e.getMessage(), e);
        }
        List<String> argv = ConmonCommand.forExec(conmon, runtime, layout, container, terminal, attach, attach);
        ParentPipe sync = null;
        ParentPipe start = null;
        ParentPipe attachPipe = null;
        AttachConnection connection = null;
        try {
            sync = ParentPipe.create(layout.dir().resolve("sync.fifo"));
            start = ParentPipe.create(layout.dir().resolve("start.fifo"));
            List<ParentPipe.ChildEnd> pipes = new ArrayList<>(List.of(
                    new ParentPipe.ChildEnd("_OCI_SYNCPIPE", sync.path(), true),
                    new ParentPipe.ChildEnd("_OCI_STARTPIPE", start.path(), false)));
            if (attach) {
                attachPipe = ParentPipe.create(layout.dir().resolve("attach.fifo"));
                pipes.add(new ParentPipe.ChildEnd("_OCI_ATTACHPIPE", attachPipe.path(), true));
            }
            start.signal();
            launch(argv, pipes, layout.dir());
            long conmonPid = MonitoredContainer.readPid(layout.conmonPidFile()).orElse(0);
            BooleanSupplier alive = alive(conmonPid);
            if (attach) {
                SyncMessage ready = attachPipe.next(LAUNCH_TIMEOUT, alive,
                        "the attach socket of exec " + layout.execId());
                if (ready.failed()) {
                    throw new EngineException("exec attach failed: " + ready.message());
                }
                connection = AttachConnection.connect(layout.attachSocket());
                start.signal(); // second read of the start pipe: "the client is attached, go"
            }
            SyncMessage started = sync.next(CREATE_TIMEOUT, alive, "the pid of exec " + layout.execId());
            if (started.failed()) {
                throw new EngineException("OCI runtime exec failed: " + (started.message().isEmpty()
                        ? "conmon reported " + started.data() : started.message()));
            }
            CompletableFuture<Integer> exit = exitCode(sync, start, attachPipe, layout, alive);
            return new ExecSession(layout, started.data(), connection, exit);
        } catch (IOException | RuntimeException e) {
            closeAll(sync, start, attachPipe);
            if (connection != null) {
                connection.close();
            }
            if (e instanceof EngineException ee) {
                throw ee;
            }
            throw new EngineException("cannot exec in " + layout.containerId() + ": " + e.getMessage(), e);
        }
    }

    /** conmon's last sync message is the exec's exit code; the exit file is the fallback if that is missed. */
    private static CompletableFuture<Integer> exitCode(ParentPipe sync, ParentPipe start, ParentPipe attachPipe,
            ExecLayout layout, BooleanSupplier alive) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofVirtual().name("exec-exit-" + layout.execId()).start(() -> {
            try {
                SyncMessage m = sync.next(Duration.ofDays(3650), alive, "the exit code of exec " + layout.execId());
                exit.complete(m.data());
            } catch (RuntimeException e) {
                ExitFiles.await(layout.exitFile()).orTimeout(5, TimeUnit.SECONDS)
                        .whenComplete((code, err) -> {
                            if (err != null) {
                                exit.completeExceptionally(new EngineException(
                                        "exec " + layout.execId() + " ended without an exit code", e));
                            } else {
                                exit.complete(code);
                            }
                        });
            } finally {
                closeAll(sync, start, attachPipe);
            }
        });
        return exit;
    }

    private static void prepare(ContainerLayout layout) throws IOException {
        Files.createDirectories(layout.bundle());
        Files.createDirectories(layout.exitDir());
        Files.createDirectories(layout.socketDir());
        // conmon gives up without writing the exit dir's file if the persist dir is missing.
        Files.createDirectories(layout.persistDir());
        for (Path stale : List.of(layout.exitFile(), layout.persistedExitFile(), layout.pidFile(),
                layout.conmonPidFile(),
                layout.attachSocket(), layout.ctlFifo(), layout.bundle().resolve("winsz"))) {
            Files.deleteIfExists(stale);
        }
    }

    /**
     * Spawns conmon with its parent pipes opened on fds 3, 4, ... (their numbers in the env vars conmon reads) and
     * waits for conmon's first process, which exits as soon as it has forked.
     */
    private static void launch(List<String> argv, List<ParentPipe.ChildEnd> pipes, Path dir) throws IOException {
        Path output = dir.resolve("conmon.out");
        Map<String, String> env = new LinkedHashMap<>();
        List<Spawn.ChildFd> fds = new ArrayList<>();
        int fd = 3;
        for (ParentPipe.ChildEnd p : pipes) {
            env.put(p.envName(), Integer.toString(fd));
            fds.add(new Spawn.ChildFd(fd++, p.fifo(), p.childWrites()));
        }
        int pid = Spawn.start(argv, env, fds, output, dir);
        OptionalInt status = Spawn.await(pid, LAUNCH_TIMEOUT);
        if (status.isEmpty()) {
            throw new EngineException("conmon did not detach within " + LAUNCH_TIMEOUT.toSeconds() + "s");
        }
        if (status.getAsInt() != 0) {
            String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8).strip() : "";
            throw new EngineException("conmon failed (exit " + status.getAsInt() + "): " + text);
        }
    }

    private static BooleanSupplier alive(long pid) {
        if (pid <= 0) {
            return () -> true; // no pid file: rely on the timeout
        }
        OptionalLong p = OptionalLong.of(pid);
        return () -> ProcessHandle.of(p.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void closeAll(ParentPipe... pipes) {
        for (ParentPipe p : pipes) {
            if (p != null) {
                p.close();
            }
        }
    }
}
