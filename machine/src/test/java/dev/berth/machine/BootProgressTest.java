package dev.berth.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The serial console read as boot progress and as the reason a boot failed. */
class BootProgressTest {

    @Test
    void theFurthestStageIsShownInWords() {
        assertEquals("Starting the VM", BootProgress.stage(""));
        String console = """
                berth-init: stage kernel (t=1.80s)
                berth-init: stage root (t=2.01s)
                berth-init: stage disk (t=3.61s)
                berth-init: formatting
                """;
        assertEquals("Formatting the data disk (first start)", BootProgress.stage(console));
        assertEquals("Starting the engine",
                BootProgress.stage(console + "berth-init: stage network\nberth-init: stage engine (t=5.5s)\n"));
    }

    @Test
    void initsOwnErrorIsTheReasonAndAFullDiskSaysWhatToDo() {
        assertEquals(Optional.of("no data disk: the VM was started without one"),
                BootProgress.failure(
                        "berth-init: stage disk\nberth-init: error no data disk: the VM was started without one\n"));
        String full = BootProgress
                .warning("berth-init: stage disk\nberth-init: warning the data disk is full: 2.9G of 2.9G used\n")
                .orElseThrow();
        assertEquals(
                "The VM's data disk is full (2.9G of 2.9G used). Free space with docker system prune, or give the VM a "
                        + "larger disk.",
                full);
        assertEquals(Optional.empty(),
                BootProgress.failure("berth-init: warning the data disk is full: 1G of 1G used\n"),
                "a full disk does not stop the boot");
    }

    @Test
    void aKernelPanicOverTheRootSaysTheImageMayBeDamaged() {
        String reason = BootProgress
                .failure("[ 1.2] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n")
                .orElseThrow();
        assertTrue(reason.contains("VM image may be damaged"), reason);
        assertEquals(Optional.empty(), BootProgress.failure("berth-init: stage engine\n"));
    }

    @Test
    void signsOfLifeAndTheTail() {
        assertTrue(!BootProgress.alive("  \n") && BootProgress.alive("berth-init: stage kernel"));
        assertEquals(java.util.List.of("c", "d"), BootProgress.tail("a\nb\nc\nd\n", 2));
    }

    @Test
    void aCpuThatStoppedIsRecognised() {
        String ci = "berth-init: stage engine (t=6.62s)\n[   40.662149] watchdog: BUG: soft lockup - CPU#1 stuck for 26s! [exe:303]\n";
        assertTrue(BootProgress.cpuStuck(ci));
        assertTrue(BootProgress.cpuStuck("[ 60.1] rcu: INFO: rcu_preempt self-detected stall on CPU\n"));
        assertTrue(!BootProgress.cpuStuck("berth-init: stage engine\nberth-init: ready (t=15.49s)\n"));
    }
}
