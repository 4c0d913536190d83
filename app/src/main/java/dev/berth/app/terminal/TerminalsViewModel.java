package dev.berth.app.terminal;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.app.engine.ExecSession;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The terminals of one container: opens sessions (with the chosen or the probed shell), keeps them while the
 * view comes and goes, closes them, and starts the external terminal. Sessions start at 80×24; the view resizes
 * them to its pane as soon as it shows them.
 */
public final class TerminalsViewModel implements AutoCloseable {
    private final Supplier<Engine> engine;
    private final Async async;
    private final String containerId;
    private final String containerName;
    private final Supplier<String> engineUri;
    private final Consumer<List<String>> launcher;
    private final ObservableList<TerminalSession> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<ShellChoice> shell = new SimpleObjectProperty<>(ShellChoice.AUTO);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private int opened;

    /**
     * @param engineUri the address of the engine, for the external terminal's {@code docker --host}
     * @param launcher  starts a process (the external terminal)
     */
    public TerminalsViewModel(Supplier<Engine> engine, Async async, String containerId, String containerName,
            Supplier<String> engineUri, Consumer<List<String>> launcher) {
        this.engine = engine;
        this.async = async;
        this.containerId = containerId;
        this.containerName = containerName;
        this.engineUri = engineUri;
        this.launcher = launcher;
    }

    public ObservableList<TerminalSession> sessions() {
        return sessions;
    }

    public ObjectProperty<ShellChoice> shellProperty() {
        return shell;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String containerId() {
        return containerId;
    }

    /** Opens a new terminal tab running the chosen shell. */
    public void open() {
        ShellChoice choice = shell.get() == null ? ShellChoice.AUTO : shell.get();
        int number = ++opened;
        async.run(() -> {
            String path = choice.isAuto() ? probeShell() : choice.path();
            ExecSession exec = engine.get().openTerminal(containerId, List.of(path), 80, 24);
            return new TerminalSession(exec, path, containerName + " " + number + " · " + shortName(path));
        }, session -> {
            error.set("");
            sessions.add(session);
            watch(session);
        }, error::set);
    }

    /** The first shell of {@link ShellChoice#PROBE_ORDER} the container has. */
    String probeShell() {
        for (String candidate : ShellChoice.PROBE_ORDER) {
            try {
                engine.get().statPath(containerId, candidate);
                return candidate;
            } catch (EngineException missing) {
                if (missing.status() != 404) {
                    throw missing;
                }
            }
        }
        throw new EngineException(I18n.t("terminal.noShell"), 404, null);
    }

    private void watch(TerminalSession session) {
        async.background().execute(() -> {
            try {
                session.exec().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            async.ui().execute(session::markEnded);
        });
    }

    /** Hangs up one terminal and removes its tab. */
    public void close(TerminalSession session) {
        sessions.remove(session);
        async.background().execute(session.exec()::close);
    }

    /** Runs {@code docker exec -it} in the user's terminal emulator, with the chosen (or probed) shell. */
    public void openExternal() {
        ShellChoice choice = shell.get() == null ? ShellChoice.AUTO : shell.get();
        async.run(() -> {
            String path = choice.isAuto() ? probeShell() : choice.path();
            List<String> argv = ExternalTerminal.command(System.getProperty("os.name"), engineUri.get(), containerId,
                    path);
            launcher.accept(argv);
            return argv;
        }, argv -> error.set(""), error::set);
    }

    private static String shortName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Hangs up every terminal. */
    @Override
    public void close() {
        List.copyOf(sessions).forEach(this::close);
    }
}
