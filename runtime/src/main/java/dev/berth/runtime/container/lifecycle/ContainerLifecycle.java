package dev.berth.runtime.container.lifecycle;

import dev.berth.runtime.container.create.ContainerEvents;
import dev.berth.runtime.container.create.VolumeProvider;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.MountPoint;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotModifiedException;
import dev.berth.runtime.events.EventBus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/** stop, kill, restart, pause, unpause, rename, wait and remove, with dockerd's answers for each state. */
public final class ContainerLifecycle {
    /** How long an exit that raced a signal may take to be recorded. */
    private static final long EXIT_GRACE_SECONDS = 5;
    private static final int DEFAULT_STOP_SECONDS = 10;
    private static final Pattern NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private final ContainerStore store;
    private final ContainerRunner runner;
    private final VolumeProvider volumes;
    private final EventBus events;
    private final Waiters waiters;
    /** What else forgets a removed container (its exec instances); a hook, so lifecycle does not depend on exec. */
    private final java.util.function.Consumer<String> forgetRemoved;

    public ContainerLifecycle(ContainerStore store, ContainerRunner runner, VolumeProvider volumes, EventBus events,
            Waiters waiters,
            java.util.function.Consumer<String> forgetRemoved) {
        this.store = store;
        this.runner = runner;
        this.volumes = volumes;
        this.events = events;
        this.waiters = waiters;
        this.forgetRemoved = forgetRemoved;
        runner.onAutoRemove(id -> {
            try {
                remove(id, false, true);
            } catch (RuntimeException e) {
                // already removed by the client (docker run --rm removes too)
            }
        });
    }

    /**
     * {@code docker stop}: the stop signal, then SIGKILL after {@code timeoutSeconds} (null: the container's
     * StopTimeout or 10 s; -1: wait forever). 304 if it is not running.
     */
    public void stop(String idOrName, Integer timeoutSeconds, String signal) {
        Container c = store.resolve(idOrName);
        if (!c.state().isRunning()) {
            throw new NotModifiedException("container " + c.shortId() + " is not running");
        }
        Container marked = store.update(c.id(), x -> x.withManuallyStopped(true));
        if (marked.state().status() == RunState.Status.RESTARTING) {
            store.update(c.id(), x -> x.withState(x.state().withStatus(RunState.Status.EXITED)));
            events.publish("container", "stop", c.id(), ContainerEvents.attributes(marked));
            return;
        }
        int sig = Signals.parse(signal != null && !signal.isEmpty() ? signal
                : marked.configView().stopSignal() != null ? marked.configView().stopSignal() : "SIGTERM");
        long timeout = timeoutSeconds != null ? timeoutSeconds
                : marked.configView().stopTimeout() != null ? marked.configView().stopTimeout() : DEFAULT_STOP_SECONDS;
        CompletableFuture<Waiters.Outcome> exit = waiters.nextExit(c.id());
        signalUnlessExited(marked, sig, exit);
        if (!await(exit, timeout)) {
            signalUnlessExited(marked, Signals.SIGKILL, exit);
            if (!await(exit, 30)) {
                throw new ConflictException("container " + c.shortId() + " did not exit after SIGKILL");
            }
        }
        events.publish("container", "stop", c.id(), ContainerEvents.attributes(marked));
    }

    /** {@code docker kill}: any signal to the container's init; 409 if it is not running. */
    public void kill(String idOrName, String signal) {
        Container c = store.resolve(idOrName);
        if (!c.state().isRunning() || c.state().status() == RunState.Status.RESTARTING) {
            throw new ConflictException(
                    "cannot kill container: " + idOrName + ": container " + c.id() + " is not running");
        }
        int sig = Signals.parse(signal == null || signal.isEmpty() ? "KILL" : signal);
        if (sig == Signals.SIGKILL) {
            store.update(c.id(), x -> x.withManuallyStopped(true));
        }
        CompletableFuture<Waiters.Outcome> exit = sig == Signals.SIGKILL ? waiters.nextExit(c.id()) : null;
        signal(c, sig);
        if (exit != null) {
            await(exit, 30);
        }
    }

    /**
     * Signals a container that may exit on its own at this very moment: if the runtime no longer finds it (runc:
     * "no such file or directory" for its cgroup), that is the exit arriving, not a failure of stop or rm -f.
     */
    private void signalUnlessExited(Container c, int sig, CompletableFuture<?> exit) {
        try {
            signal(c, sig);
        } catch (EngineException e) {
            boolean exited = await(exit, EXIT_GRACE_SECONDS)
                    || store.byId(c.id()).map(x -> !x.state().isRunning()).orElse(true);
            if (!exited) {
                throw e;
            }
        }
    }

    private void signal(Container c, int sig) {
        if (c.state().isPaused() && sig == Signals.SIGKILL) {
            runner.runtime().kill(c.id(), sig, true);
            ContainerRunner.safely(() -> runner.runtime().resume(c.id()));
        } else {
            runner.runtime().kill(c.id(), sig, sig == Signals.SIGKILL);
            if (c.state().isPaused()) {
                ContainerRunner.safely(() -> runner.runtime().resume(c.id()));
            }
        }
        events.publish("container", "kill", c.id(), ContainerEvents.attributes(c, "signal", Integer.toString(sig)));
    }

    /** {@code docker restart}: stop if running, then start. */
    public void restart(String idOrName, Integer timeoutSeconds, String signal) {
        Container c = store.resolve(idOrName);
        if (c.state().isRunning()) {
            stop(c.id(), timeoutSeconds, signal);
        }
        runner.start(c.id());
        events.publish("container", "restart", c.id(), ContainerEvents.attributes(store.resolve(c.id())));
    }

    public void pause(String idOrName) {
        Container c = store.resolve(idOrName);
        ReentrantLock lock = runner.lock(c.id());
        lock.lock();
        try {
            c = store.resolve(c.id());
            if (c.state().status() != RunState.Status.RUNNING && !c.state().isPaused()) {
                throw new ConflictException("container " + c.id() + " is not running");
            }
            if (c.state().isPaused()) {
                throw new ConflictException("container " + c.id() + " is already paused");
            }
            try {
                runner.runtime().pause(c.id());
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("container not running")) {
                    // It exited a moment ago and the exit is not settled yet: the same answer as a settled one.
                    throw new ConflictException("container " + c.id() + " is not running");
                }
                throw e;
            }
            Container paused = store.update(c.id(), x -> x.withState(x.state().withStatus(RunState.Status.PAUSED)));
            events.publish("container", "pause", c.id(), ContainerEvents.attributes(paused));
        } finally {
            lock.unlock();
        }
    }

    public void unpause(String idOrName) {
        Container c = store.resolve(idOrName);
        ReentrantLock lock = runner.lock(c.id());
        lock.lock();
        try {
            c = store.resolve(c.id());
            if (!c.state().isPaused()) {
                throw new ConflictException("container " + c.id() + " is not paused");
            }
            runner.runtime().resume(c.id());
            Container running = store.update(c.id(), x -> x.withState(x.state().withStatus(RunState.Status.RUNNING)));
            events.publish("container", "unpause", c.id(), ContainerEvents.attributes(running));
        } finally {
            lock.unlock();
        }
    }

    public void rename(String idOrName, String newName) {
        if (newName == null || !NAME.matcher(newName).matches()) {
            throw new InvalidArgumentException(
                    "Invalid container name (" + newName + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        String clean = newName.startsWith("/") ? newName.substring(1) : newName;
        Container c = store.resolve(idOrName);
        if (c.name().equals(clean)) {
            throw new InvalidArgumentException("Renaming a container with the same name as its current name");
        }
        String old = c.name();
        Container renamed = store.update(c.id(), x -> x.withName(clean));
        events.publish("container", "rename", c.id(), ContainerEvents.attributes(renamed, "oldName", "/" + old));
    }

    /**
     * {@code docker wait}: {@code not-running} (default) answers at once for a stopped container;
     * {@code next-exit} waits for the next exit; {@code removed} for removal.
     */
    public CompletableFuture<Waiters.Outcome> waitFor(String idOrName, String condition) {
        Container c = store.resolve(idOrName);
        String cond = condition == null || condition.isEmpty() ? "not-running" : condition;
        return switch (cond) {
            case "not-running" -> {
                CompletableFuture<Waiters.Outcome> next = waiters.nextExit(c.id());
                Container now = store.resolve(c.id());
                yield now.state().isRunning() ? next
                        : CompletableFuture.completedFuture(
                                new Waiters.Outcome(now.state().exitCode(), emptyToNull(now.state().error())));
            }
            case "next-exit" -> waiters.nextExit(c.id());
            case "removed" -> waiters.removal(c.id());
            default -> throw new InvalidArgumentException("invalid condition: \"" + cond + "\"");
        };
    }

    /** {@code docker rm}: 409 for a running container unless forced; {@code volumes} also drops its anonymous volumes. */
    public void remove(String idOrName, boolean force, boolean removeVolumes) {
        Container c = store.resolve(idOrName);
        if (c.state().isRunning()) {
            if (!force) {
                throw new ConflictException("cannot remove container \"/" + c.name() + "\": container is "
                        + c.state().status().word() + ": stop the container before removing or force remove");
            }
            store.update(c.id(), x -> x.withManuallyStopped(true));
            if (c.state().status() == RunState.Status.RESTARTING) {
                store.update(c.id(), x -> x.withState(x.state().withStatus(RunState.Status.EXITED)));
            } else {
                CompletableFuture<Waiters.Outcome> exit = waiters.nextExit(c.id());
                signalUnlessExited(c, Signals.SIGKILL, exit);
                await(exit, 30);
            }
        }
        ReentrantLock lock = runner.lock(c.id());
        lock.lock();
        try {
            Container current = store.byId(c.id()).orElse(null);
            if (current == null) {
                return;
            }
            runner.releaseRootFs(c.id());
            store.remove(c.id());
            runner.forgetRuntimeStateLater(c.id());
            forgetRemoved.accept(c.id());
            if (removeVolumes) {
                for (MountPoint m : current.mounts()) {
                    if (m.type().equals("volume") && m.name().matches("[0-9a-f]{64}")) {
                        ContainerRunner.safely(() -> volumes.removeAnonymous(m.name()));
                    }
                }
            }
            events.publish("container", "destroy", c.id(), ContainerEvents.attributes(current));
            waiters.removed(c.id(),
                    new Waiters.Outcome(current.state().exitCode(), emptyToNull(current.state().error())));
        } finally {
            lock.unlock();
        }
    }

    private static boolean await(CompletableFuture<?> f, long seconds) {
        try {
            if (seconds < 0) {
                f.get();
            } else {
                f.get(seconds, TimeUnit.SECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
