package dev.berth.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The start-up line: each phase's own time, the JVM's before main, and their sum. */
class StartupPhasesTest {
    @Test
    void eachMarkEndsItsPhaseAndTheSumIsTheTotal() {
        AtomicLong clock = new AtomicLong(0);
        StartupPhases phases = new StartupPhases(clock::get, 300);
        clock.addAndGet(40_000_000);
        phases.mark("images");
        clock.addAndGet(420_000_000);
        phases.mark("networks");
        clock.addAndGet(5_000_000);
        phases.mark("images");
        assertEquals(765, phases.totalMillis());
        assertEquals("started in 765 ms: jvm 300, images 45, networks 420", phases.summary());
    }
}
