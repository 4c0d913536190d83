package dev.berth.runtime.container.exec;

import dev.berth.runtime.container.create.ContainerEvents;
import dev.berth.runtime.container.lifecycle.ContainerRunner;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.monitor.ExecLayout;
import dev.berth.runtime.container.monitor.ExecSession;
import dev.berth.runtime.container.oci.OciSpecBuilder;
import dev.berth.runtime.container.oci.RuntimeSpec;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.events.EventBus;
import java.nio.file.Path;
import java.util.Map;

/**
 * Creates and starts execs. Create only records what to run (the container must be running, as in dockerd);
 * start builds the process from the container's own spec options ({@link ExecProcessFactory}) and hands it to
 * conmon, which reports the exit code; events {@code exec_create}, {@code exec_start} and {@code exec_die}
 * follow dockerd's wording.
 */
public final class ExecService {
    private final ContainerStore containers;
    private final ContainerRunner runner;
    private final ExecProcessFactory processes;
    private final EventBus events;
    private final ExecStore execs;
    private final Path execRoot;

    public ExecService(ContainerStore containers, ContainerRunner runner, OciSpecBuilder specs, EventBus events,
            ExecStore execs, Path execRoot) {
        this.containers = containers;
        this.runner = runner;
        this.processes = new ExecProcessFactory(containers, specs);
        this.events = events;
        this.execs = execs;
        this.execRoot = execRoot;
    }

    public ExecStore store() {
        return execs;
    }

    /** {@code POST /containers/{id}/exec}: 404 unknown container, 409 not running or paused, 400 no command. */
    public ExecInstance create(String containerIdOrName, ExecConfig config) {
        Container c = runningContainer(containers.resolve(containerIdOrName));
        if (config.cmd().isEmpty() || config.cmd().getFirst().isEmpty()) {
            throw new InvalidArgumentException("No exec command specified");
        }
        ExecInstance e = execs.add(c.id(), config);
        events.publish("container", "exec_create: " + config.commandLine(), c.id(),
                ContainerEvents.attributes(c, "execID", e.id()));
        return e;
    }

    /**
     * Claims exec {@code id}'s one start and checks it can run; call {@link #launch} next. Everything that
     * answers with an HTTP error (404, 409) happens here, before the API hijacks the connection.
     */
    public ExecInstance claim(String id) {
        ExecInstance e = execs.resolve(id);
        runningContainer(containers.resolve(e.containerId()));
        if (!e.claimStart()) {
            throw new ConflictException(e.running() ? "Exec command " + e.id() + " is already running"
                    : "Exec command " + e.id() + " has already run");
        }
        return e;
    }

    /**
     * Starts a claimed exec under conmon. With {@code attach} the session's attach connection is open before
     * the process runs, so no output is lost. A start that fails leaves exit code 126 (127 for a missing
     * command), as dockerd reports it, and rethrows.
     */
    public ExecSession launch(ExecInstance e, int consoleHeight, int consoleWidth, boolean attach) {
        Container c = containers.resolve(e.containerId());
        ExecSession session;
        try {
            RuntimeSpec.Process process = processes.process(c, e.config(), consoleHeight, consoleWidth);
            session = runner.monitor().exec(runner.layout(c.id()), ExecLayout.of(execRoot, c.id(), sessionName(e)),
                    process, attach);
        } catch (RuntimeException failure) {
            e.exited(startFailureCode(failure.getMessage()));
            throw failure;
        }
        e.started(session);
        events.publish("container", "exec_start: " + e.config().commandLine(), c.id(),
                ContainerEvents.attributes(c, "execID", e.id()));
        session.onExit().whenComplete((code, err) -> {
            int exit = err != null ? -1 : code;
            e.exited(exit);
            Map<String, String> attrs = ContainerEvents.attributes(c, "execID", e.id());
            attrs.put("exitCode", Integer.toString(exit));
            events.publish("container", "exec_die", c.id(), attrs);
        });
        return session;
    }

    /** {@code POST /exec/{id}/resize}: 409 unless the exec runs; nothing to do without a TTY. */
    public void resize(String id, int height, int width) {
        ExecInstance e = execs.resolve(id);
        ExecSession s = e.session().filter(x -> e.running())
                .orElseThrow(() -> new ConflictException("Exec " + e.id() + " is not running"));
        if (e.config().tty()) {
            s.resize(height, width);
        }
    }

    /**
     * The session's directory name: the first 16 hex digits of the exec id, because the attach socket's path
     * ({@code execRoot/exec/NAME/attach}) must stay within the 107 bytes a unix socket path may have.
     */
    static String sessionName(ExecInstance e) {
        return e.id().substring(0, 16);
    }

    private static Container runningContainer(Container c) {
        if (c.state().isPaused()) {
            throw new ConflictException("container " + c.id() + " is paused, unpause the container before exec");
        }
        if (!c.state().isRunning()) {
            throw new ConflictException("container " + c.id() + " is not running");
        }
        return c;
    }

    /** runc's wording decides between "cannot run" (126) and "not found" (127), as dockerd maps it. */
    static int startFailureCode(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("no such file") || m.contains("not found") ? 127 : 126;
    }
}
