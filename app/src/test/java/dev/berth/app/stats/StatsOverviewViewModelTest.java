package dev.berth.app.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.StatsSample;
import dev.berth.app.support.Async;
import dev.berth.app.testing.FakeEngine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsOverviewViewModelTest {
    @Test
    void oneRowPerRunningContainerUpdatedLive() {
        FakeEngine engine = new FakeEngine();
        engine.containers.add(FakeEngine.container("a", "web", "running", null));
        engine.containers.add(FakeEngine.container("b", "old", "exited", null));
        var vm = new StatsOverviewViewModel(() -> engine, Async.sameThread());
        vm.setActive(true);
        assertEquals(1, vm.rows().size());
        assertEquals("web", vm.rows().getFirst().name());
        assertNull(vm.rows().getFirst().sample());
        engine.inside.emitStats(new StatsSample(Instant.now(), 5, 1, 2, 3, 4, 5, 6, 7));
        assertEquals(5, vm.rows().getFirst().sample().cpuPercent());
        vm.setActive(false);
        assertTrue(engine.inside.calls.contains("stats closed a"));
    }
}
