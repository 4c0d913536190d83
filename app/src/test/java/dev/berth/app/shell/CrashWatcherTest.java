package dev.berth.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.EngineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrashWatcherTest {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final List<CrashWatcher.Crash> crashes = new ArrayList<>();
    private final CrashWatcher watcher = new CrashWatcher(new Clock() {
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId z) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }, crashes::add);

    private static EngineEvent container(String action, String id, Map<String, String> attrs) {
        return new EngineEvent("container", action, id, attrs);
    }

    @Test
    void aNonZeroExitWithoutAKillIsACrash() {
        watcher.accept(container("die", "c1", Map.of("name", "web", "exitCode", "2")));
        assertEquals(List.of(new CrashWatcher.Crash("c1", "web", 2, false)), crashes);
    }

    @Test
    void stopsAndCleanExitsAreNotCrashes() {
        watcher.accept(container("kill", "c1", Map.of("name", "web", "signal", "15")));
        watcher.accept(container("die", "c1", Map.of("name", "web", "exitCode", "143")));
        watcher.accept(container("die", "c2", Map.of("name", "job", "exitCode", "0")));
        assertTrue(crashes.isEmpty());
    }

    @Test
    void podmansStopBeforeDieIsNotACrashAndDockerdsStopAfterDieDoesNotExcuseTheNextRun() {
        watcher.accept(container("stop", "p1", Map.of("name", "on-podman")));
        watcher.accept(container("die", "p1", Map.of("name", "on-podman", "exitCode", "137")));
        assertTrue(crashes.isEmpty(), "podman: stop, then die");
        watcher.accept(container("kill", "d1", Map.of("signal", "15")));
        watcher.accept(container("die", "d1", Map.of("exitCode", "143")));
        watcher.accept(container("stop", "d1", Map.of()));
        watcher.accept(container("start", "d1", Map.of()));
        watcher.accept(container("die", "d1", Map.of("name", "web", "exitCode", "1")));
        assertEquals(List.of(new CrashWatcher.Crash("d1", "web", 1, false)), crashes,
                "the crash after a new start counts");
    }

    @Test
    void aKillLongAgoDoesNotExcuseALaterCrash() {
        watcher.accept(container("kill", "c1", Map.of("signal", "1")));
        now = now.plus(CrashWatcher.KILL_WINDOW).plus(Duration.ofSeconds(1));
        watcher.accept(container("die", "c1", Map.of("exitCode", "1")));
        assertEquals(1, crashes.size());
        assertEquals("c1", crashes.getFirst().name(), "no name attribute: the short ID stands in");
    }

    @Test
    void theKernelsOomKillIsAlwaysReported() {
        watcher.accept(container("oom", "c1", Map.of("name", "hog")));
        watcher.accept(container("die", "c1", Map.of("name", "hog", "exitCode", "137")));
        assertEquals(List.of(new CrashWatcher.Crash("c1", "hog", 137, true)), crashes);
    }

    @Test
    void otherTypesAreIgnored() {
        watcher.accept(new EngineEvent("image", "die", "x", Map.of("exitCode", "1")));
        assertTrue(crashes.isEmpty());
    }
}
