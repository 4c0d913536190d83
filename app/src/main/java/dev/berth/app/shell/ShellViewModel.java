package dev.berth.app.shell;

import dev.berth.app.engine.Connection;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineEvent;
import dev.berth.app.engine.EngineException;
import dev.berth.app.engine.EngineVersion;
import dev.berth.app.engine.ssh.KnownHostsFile;
import dev.berth.app.engine.ssh.SshSettings;
import dev.berth.app.engine.ssh.UnknownHostKeyException;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state: which engine is chosen, whether it answers (name and version when it does), the local Berth
 * engine's lifecycle, and the live event feed that tells pages to reload.
 */
public final class ShellViewModel {
    private final Function<Connection, Engine> connector;
    private final Async async;
    private final LocalEngineController localEngine;
    private final Consumer<Set<String>> onChanged;
    private final Duration eventWindow;
    private final ObservableList<Connection> connections = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Connection> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<EngineState> state = new ReadOnlyObjectWrapper<>(this, "state",
            EngineState.CONNECTING);
    private final ReadOnlyStringWrapper engineLabel = new ReadOnlyStringWrapper(this, "engineLabel", "");
    private final ReadOnlyStringWrapper engineError = new ReadOnlyStringWrapper(this, "engineError", "");
    private final ReadOnlyObjectWrapper<LocalEngineController.Status> localStatus = new ReadOnlyObjectWrapper<>(
            this, "localStatus");
    /** An ssh engine's host key the person has not trusted yet (the banner asks), or null. */
    private final ReadOnlyObjectWrapper<UnknownHostKeyException> untrustedHostKey = new ReadOnlyObjectWrapper<>(
            this, "untrustedHostKey");
    private SshSettings sshSettings = SshSettings.forUser(System.getenv(), Path.of(System.getProperty("user.home")));
    private final java.util.List<Consumer<EngineEvent>> eventListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Engine engine;
    private volatile boolean stopRequested;
    private Engine.Subscription events;
    private long generation;

    /**
     * @param connector   opens an engine client for a connection (no IO until the first call)
     * @param localEngine the local berthd's controller
     * @param onChanged   gets the resource types ("container", "image"…) to reload, on the UI executor; the
     *                    special type "*" means everything (a new engine)
     */
    public ShellViewModel(Function<Connection, Engine> connector, Async async, LocalEngineController localEngine,
            Duration eventWindow, Consumer<Set<String>> onChanged) {
        this.connector = connector;
        this.async = async;
        this.localEngine = localEngine;
        this.eventWindow = eventWindow;
        this.onChanged = onChanged;
        localStatus.set(localEngine.status());
        localEngine.addListener(s -> async.ui().execute(() -> {
            localStatus.set(s);
            if (s.state() == LocalEngineController.State.RUNNING && current.get() != null
                    && current.get().isLocalBerth() && state.get() != EngineState.CONNECTED) {
                reconnect();
            }
        }));
    }

    public ObservableList<Connection> connections() {
        return connections;
    }

    public void setConnections(List<Connection> all) {
        connections.setAll(all);
    }

    public ReadOnlyObjectProperty<Connection> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EngineState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Docker Engine - Community 20.10.24" once connected, else empty. */
    public ReadOnlyStringProperty engineLabelProperty() {
        return engineLabel.getReadOnlyProperty();
    }

    /** Why the engine does not answer, in plain words. */
    public ReadOnlyStringProperty engineErrorProperty() {
        return engineError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalEngineController.Status> localStatusProperty() {
        return localStatus.getReadOnlyProperty();
    }

    /** The engine pages talk to; always the current connection's. */
    public Engine engine() {
        Engine e = engine;
        if (e == null) {
            throw new EngineException(I18n.t("engine.noneSelected"), 0, null);
        }
        return e;
    }

    /** Switches to {@code c}: closes the old client, asks the new engine for its version, follows its events. */
    public void connect(Connection c) {
        long gen = ++generation;
        stopEvents();
        Engine old = engine;
        engine = null;
        if (old != null) {
            async.background().execute(old::close);
        }
        current.set(c);
        state.set(EngineState.CONNECTING);
        engineLabel.set("");
        engineError.set("");
        untrustedHostKey.set(null);
        // Making a client sets up its HTTP stack (a tenth of a second and more on a cold JVM): in the background with
        // the first question, so the window paints meanwhile instead of waiting for it.
        async.run(() -> {
            Engine target;
            try {
                target = connector.apply(c);
            } catch (EngineException e) {
                // Signing in to an ssh engine happens here; a host key not yet trusted is asked about, not accepted.
                return new Attempt(null, null, Async.plain(e),
                        e.getCause() instanceof UnknownHostKeyException k && !k.changed() ? k : null);
            }
            try {
                return new Attempt(target, target.version(), "", null);
            } catch (RuntimeException e) {
                return new Attempt(target, null, Async.plain(e), null);
            }
        }, attempt -> {
            if (gen != generation) {
                if (attempt.engine() != null) {
                    async.background().execute(attempt.engine()::close);
                }
                return;
            }
            engine = attempt.engine();
            if (attempt.version() != null) {
                connected(attempt.engine(), attempt.version());
            } else {
                unreachable(attempt.failure());
                untrustedHostKey.set(attempt.hostKey());
            }
        }, message -> {
            if (gen == generation) {
                unreachable(message);
            }
        });
    }

    /** A new client and what its engine said when asked for its version (or why it did not answer). */
    private record Attempt(Engine engine, EngineVersion version, String failure, UnknownHostKeyException hostKey) {}

    /** The ssh host key waiting for the person's word (its fingerprint is in the error), or null. */
    public ReadOnlyObjectProperty<UnknownHostKeyException> untrustedHostKeyProperty() {
        return untrustedHostKey.getReadOnlyProperty();
    }

    /** Where the person's ssh set-up is (the app's context knows the environment and home). */
    public void setSshSettings(SshSettings settings) {
        this.sshSettings = settings;
    }

    /** The person checked the fingerprint and said yes: record the key in known_hosts, then connect again. */
    public void trustHostKeyAndReconnect() {
        UnknownHostKeyException key = untrustedHostKey.get();
        if (key == null) {
            return;
        }
        SshSettings settings = sshSettings;
        untrustedHostKey.set(null);
        async.run(() -> {
            KnownHostsFile.trust(settings, key);
            return true;
        }, done -> reconnect(), message -> engineError.set(message));
    }

    /** Tries the current connection again (F5 on a dead engine, or after the local engine started). */
    public void reconnect() {
        if (current.get() != null) {
            connect(current.get());
        }
    }

    private void connected(Engine target, EngineVersion v) {
        stopRequested = false;
        state.set(EngineState.CONNECTED);
        engineLabel.set(v.display());
        onChanged.accept(Set.of("*"));
        long gen = generation;
        var coalescer = new EventCoalescer(eventWindow, async.ui(), onChanged);
        try {
            events = target.events(event -> {
                coalescer.accept(event);
                eventListeners.forEach(l -> l.accept(event));
            }, failure -> async.ui().execute(() -> {
                if (gen == generation && failure != null) {
                    unreachable(failure.getMessage());
                }
            }));
        } catch (EngineException e) {
            unreachable(e.getMessage());
        }
    }

    private void unreachable(String message) {
        stopEvents();
        state.set(EngineState.UNREACHABLE);
        engineLabel.set("");
        engineError.set(message);
        onChanged.accept(Set.of("*"));
        if (current.get() != null && current.get().isLocalBerth()) {
            async.background().execute(localEngine::refresh);
        }
    }

    /** Starts the local Berth engine (directly as root, else via pkexec); the window follows its status. */
    public void startLocalEngine() {
        async.background().execute(localEngine::start);
    }

    /** Asks the local engine's socket whether it answers, so Settings shows its real state. */
    public void refreshLocalEngine() {
        async.background().execute(localEngine::refresh);
    }

    public void stopLocalEngine() {
        stopRequested = true;
        async.background().execute(localEngine::stop);
    }

    /** Stops and starts the local engine again. */
    public void restartLocalEngine() {
        stopRequested = true;
        async.background().execute(() -> {
            localEngine.stop();
            localEngine.start();
        });
    }

    /** Whether the person asked the engine to stop since it last connected (its going away is then no surprise). */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Whether to offer starting berthd: the Berth engine is chosen and does not answer. */
    public boolean offersLocalStart() {
        return current.get() != null && current.get().isLocalBerth() && state.get() == EngineState.UNREACHABLE;
    }

    /** Stops following events and closes the client (window closing). */
    public void shutdown() {
        generation++;
        stopEvents();
        if (engine != null) {
            engine.close();
        }
    }

    private void stopEvents() {
        if (events != null) {
            Engine.Subscription s = events;
            events = null;
            async.background().execute(s::close);
        }
    }

    /** Also hands every engine event to {@code listener}, on the stream's thread (not the UI thread). */
    public void addEventListener(Consumer<EngineEvent> listener) {
        eventListeners.add(listener);
    }

    /** Whether an event type set from {@code onChanged} concerns {@code type}. */
    public static boolean concerns(Set<String> types, String type) {
        return types.contains("*") || types.contains(type);
    }
}
