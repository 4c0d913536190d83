package dev.berth.app.shell;

import dev.berth.app.engine.EngineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells a crash from a stop in the engine's event stream. A container that someone stopped, restarted or removed
 * gets a {@code kill} event first, so a {@code die} with a non-zero exit code and no kill shortly before it is a
 * container that ended by itself with an error; an {@code oom} event is always reported. Called on the event thread.
 */
public final class CrashWatcher implements Consumer<EngineEvent> {
    /** A die this long after a kill still counts as the kill's outcome (stop waits 10 s before SIGKILL). */
    static final Duration KILL_WINDOW = Duration.ofSeconds(30);

    /** A container that ended unexpectedly: its name, exit code, and whether the kernel killed it for memory. */
    public record Crash(String containerId, String name, int exitCode, boolean outOfMemory) {}

    private final Clock clock;
    private final Consumer<Crash> onCrash;
    private final Map<String, Instant> killedAt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> oom = new ConcurrentHashMap<>();

    public CrashWatcher(Clock clock, Consumer<Crash> onCrash) {
        this.clock = clock;
        this.onCrash = onCrash;
    }

    @Override
    public void accept(EngineEvent e) {
        if (!e.type().equals("container")) {
            return;
        }
        Instant now = clock.instant();
        switch (e.action()) {
            // dockerd says kill before die; podman says stop before die (and remove, not destroy, at the end)
            case "kill", "stop" -> killedAt.put(e.actorId(), now);
            case "start" -> killedAt.remove(e.actorId()); // dockerd's stop comes after die: it must not outlive a start
            case "oom" -> oom.put(e.actorId(), true);
            case "die" -> died(e, now);
            case "destroy", "remove" -> {
                killedAt.remove(e.actorId());
                oom.remove(e.actorId());
            }
            default -> {
            }
        }
    }

    private void died(EngineEvent e, Instant now) {
        Instant killed = killedAt.remove(e.actorId());
        boolean outOfMemory = oom.remove(e.actorId()) != null;
        boolean byRequest = killed != null && Duration.between(killed, now).compareTo(KILL_WINDOW) <= 0;
        int exit = exitCode(e.attribute("exitCode"));
        if (outOfMemory || (!byRequest && exit != 0)) {
            String name = e.attribute("name").isEmpty() ? shortId(e.actorId()) : e.attribute("name");
            onCrash.accept(new Crash(e.actorId(), name, exit, outOfMemory));
        }
    }

    private static int exitCode(String s) {
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
