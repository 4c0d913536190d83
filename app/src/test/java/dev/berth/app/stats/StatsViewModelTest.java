package dev.berth.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.StatsSample;
import dev.berth.app.support.Async;
import dev.berth.app.testing.FakeEngine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final StatsViewModel vm = new StatsViewModel(() -> engine, Async.sameThread(), "c1");

    private static StatsSample sample(Instant t, double cpu, long rx) {
        return new StatsSample(t, cpu, 64L << 20, 256L << 20, rx, 0, 0, 4096, 3);
    }

    @Test
    void followsOnlyWhileActive() {
        assertFalse(engine.inside.statsFollowed());
        vm.setActive(true);
        assertTrue(engine.inside.statsFollowed());
        vm.setActive(false);
        assertFalse(engine.inside.statsFollowed(), "hidden: the stream is closed");
        assertTrue(engine.inside.calls.contains("stats closed c1"));
    }

    @Test
    void pointsCarryRatesAndMemoryAgainstTheLimit() {
        vm.setActive(true);
        Instant t = Instant.now();
        engine.inside.emitStats(sample(t, 12.5, 1000));
        engine.inside.emitStats(sample(t.plusSeconds(2), 30, 1000 + 2 * 10240));
        assertEquals(2, vm.points().size());
        StatsPoint p = vm.points().getLast();
        assertEquals(30, p.cpuPercent());
        assertEquals(64, p.memoryMiB());
        assertEquals(256, p.memoryLimitMiB());
        assertEquals(10, p.netRxKiBs(), 0.001);
        assertEquals(0, vm.points().getFirst().netRxKiBs(), "no rate before a second sample");
        assertEquals(25.0, vm.latestProperty().get().memoryPercent());
    }

    @Test
    void keepsAWindowOfPoints() {
        vm.setActive(true);
        Instant t = Instant.now();
        for (int i = 0; i < StatsViewModel.WINDOW + 30; i++) {
            engine.inside.emitStats(sample(t.plusSeconds(i), i, 0));
        }
        assertEquals(StatsViewModel.WINDOW, vm.points().size());
        assertEquals(StatsViewModel.WINDOW + 29, vm.points().getLast().cpuPercent());
    }

    @Test
    void aRestartedCounterIsNotNegativeTraffic() {
        vm.setActive(true);
        Instant t = Instant.now();
        engine.inside.emitStats(sample(t, 0, 50_000));
        engine.inside.emitStats(sample(t.plusSeconds(1), 0, 100));
        assertEquals(0, vm.points().getLast().netRxKiBs());
    }
}
