package dev.berth.runtime.container.health;

import dev.berth.runtime.container.create.ContainerEvents;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.events.Event;
import dev.berth.runtime.events.EventBus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs healthchecks. Listens for container {@code start} events (so the runner needs no hook) and starts a
 * checker per run; a checker ends by itself once its run is over (the container stopped, or started again),
 * and {@code die} events interrupt it at once. Results go into RunState.Health; status changes are published
 * as {@code health_status: healthy|unhealthy} events.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HealthMonitor.class.getName());

    private final ContainerStore store;
    private final EventBus events;
    private final ProbeExec exec;
    private final Function<String, Path> configJson;
    private final Map<String, Thread> checkers = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread listener;

    /** {@code configJson} maps a container id to its bundle's config.json (ContainerRunner.layout(id).configJson()). */
    public HealthMonitor(ContainerStore store, EventBus events, ProbeExec exec, Function<String, Path> configJson) {
        this.store = store;
        this.events = events;
        this.exec = exec;
        this.configJson = configJson;
    }

    /** Starts listening, and checks the containers that already run (re-attached at engine start). */
    public HealthMonitor start() {
        EventBus.Subscription sub = events.subscribe(0);
        listener = Thread.ofVirtual().name("health-events").start(() -> listen(sub));
        store.list().stream().filter(c -> c.state().isRunning()).forEach(this::check);
        return this;
    }

    private void listen(EventBus.Subscription sub) {
        try (sub) {
            while (!closed) {
                Event e = sub.poll(1, TimeUnit.SECONDS);
                if (e == null || !e.type().equals("container")) {
                    continue;
                }
                switch (e.action()) {
                    case "start" -> store.byId(e.actorId()).ifPresent(this::check);
                    case "die", "destroy" -> stop(e.actorId());
                    default -> {
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a checker for this run of {@code c} if it has a healthcheck (replacing one of an earlier run). */
    public void check(Container c) {
        Optional<HealthConfig> config = HealthConfig.of(c.configView().healthcheck());
        if (config.isEmpty() || closed) {
            return;
        }
        String run = c.state().startedAt();
        try {
            store.update(c.id(), x -> Objects.equals(x.state().startedAt(), run) && x.state().isRunning()
                    ? x.withState(x.state().withHealth(HealthLedger.starting(x.state().health()))) : x);
        } catch (RuntimeException e) {
            return; // removed meanwhile
        }
        Thread t = Thread.ofVirtual().name("health-" + c.shortId()).unstarted(() -> loop(c.id(), run, config.get()));
        Thread old = checkers.put(c.id(), t);
        if (old != null) {
            old.interrupt();
        }
        t.start();
    }

    /** Stops the checker of {@code id}, if any. */
    public void stop(String id) {
        Thread t = checkers.remove(id);
        if (t != null) {
            t.interrupt();
        }
    }

    private void loop(String id, String run, HealthConfig config) {
        Instant started = parse(run);
        try {
            while (!closed) {
                Thread.sleep(config.interval().toMillis());
                Optional<RunState.Status> status = statusOfRun(id, run);
                if (status.isEmpty()) {
                    return;
                }
                if (status.get() != RunState.Status.RUNNING) {
                    continue; // paused: no probes until it runs again
                }
                RunState.Probe probe = exec.run(id, configJson.apply(id), config.command(), config.timeout());
                if (Thread.currentThread().isInterrupted() || statusOfRun(id, run).isEmpty()) {
                    return;
                }
                boolean inStartPeriod = Duration.between(started, Instant.now()).compareTo(config.startPeriod()) < 0;
                record(id, run, probe, config.retries(), inStartPeriod);
            }
        } catch (InterruptedException e) {
            // stopped: the container exited or the engine closes
        } finally {
            checkers.remove(id, Thread.currentThread());
        }
    }

    private void record(String id, String run, RunState.Probe probe, int retries, boolean inStartPeriod) {
        String[] before = new String[1];
        Container after;
        try {
            after = store.update(id, x -> {
                if (!Objects.equals(x.state().startedAt(), run) || !x.state().isRunning()) {
                    return x;
                }
                RunState.Health h = x.state().health();
                before[0] = h == null ? null : h.status();
                return x.withState(x.state().withHealth(HealthLedger.record(h, probe, retries, inStartPeriod)));
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "health of {0} not recorded: {1}", id, e.getMessage());
            return;
        }
        RunState.Health now = after.state().health();
        if (before[0] != null && now != null && !now.status().equals(before[0])) {
            events.publish("container", "health_status: " + now.status(), id, ContainerEvents.attributes(after));
        }
    }

    /** The container's status while this run lasts; empty once it stopped, was removed or started anew. */
    private Optional<RunState.Status> statusOfRun(String id, String run) {
        return store.byId(id).filter(c -> c.state().isRunning() && Objects.equals(c.state().startedAt(), run))
                .map(c -> c.state().status());
    }

    private static Instant parse(String time) {
        try {
            return Instant.parse(time);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (listener != null) {
            listener.interrupt();
        }
        checkers.values().forEach(Thread::interrupt);
        checkers.clear();
    }
}
