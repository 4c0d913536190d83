package dev.berth.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.machine.MachineConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth machine}'s options, usage and refusals, without booting anything. */
class MachineCliTest {
    @TempDir
    Path home;

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MachineCli.run(args, Map.of("BERTH_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[]{Integer.toString(status), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void optionsAreParsedWithTheNameAnywhere() {
        var o = MachineCli.Options
                .parse(List.of("--cpus", "4", "dev", "--memory", "4096", "--disk", "100", "--idle-stop", "15"));
        assertEquals("dev", o.name());
        assertEquals(4, o.cpus());
        assertEquals(4096, o.memory());
        assertEquals(100, o.disk());
        assertEquals(15, o.idle());
    }

    @Test
    void aNewDiskTakesTheAskedSizeAnExistingOneOnlyGrows() {
        MachineConfig defaults = MachineConfig.defaults();
        var small = MachineCli.Options.parse(List.of("--disk", "3"));
        assertEquals(3, MachineCli.configFor(defaults, small, false).diskGiB());
        assertEquals(64, MachineCli.configFor(defaults, small, true).diskGiB(),
                "an existing 64 GiB disk is not shrunk");
        assertEquals(100,
                MachineCli.configFor(defaults, MachineCli.Options.parse(List.of("--disk", "100")), true).diskGiB());
        assertEquals(defaults.memoryMiB(), MachineCli.configFor(defaults, small, false).memoryMiB(),
                "unasked fields stay");
    }

    @Test
    void badOptionsAreClearErrors() {
        assertEquals("--cpus needs a number, not many", assertThrows(IllegalArgumentException.class,
                () -> MachineCli.Options.parse(List.of("--cpus", "many"))).getMessage());
        assertEquals("unknown option --gpu", assertThrows(IllegalArgumentException.class,
                () -> MachineCli.Options.parse(List.of("--gpu"))).getMessage());
        String[] r = run("start", "--memory", "64");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("memory must be between 512 MiB"), r[2]);
    }

    @Test
    void usageAndUnknownCommands() {
        String[] help = run("help");
        assertEquals("0", help[0]);
        assertTrue(help[1].contains("berth machine COMMAND"), help[1]);
        String[] unknown = run("reboot");
        assertEquals("1", unknown[0]);
        assertTrue(unknown[2].contains("unknown command reboot"), unknown[2]);
    }

    @Test
    void rmWantsConfirmationAndStatusOfANewMachineIsStopped() {
        String[] rm = run("rm");
        assertEquals("1", rm[0]);
        assertTrue(rm[2].contains("berth machine rm -f"), rm[2]);
        String[] status = run("status");
        assertEquals("0", status[0]);
        assertTrue(status[1].contains("State:       stopped"), status[1]);
    }

    @Test
    void theResourceSaverDelayComesFromTheMachineOrTheEnvironment() {
        MachineConfig c = MachineConfig.defaults().withIdleMinutes(5);
        assertEquals(Duration.ofMinutes(5), MachineCli.idleStop(c, Map.of()));
        assertEquals(Duration.ofSeconds(10), MachineCli.idleStop(c, Map.of("BERTH_VM_IDLE_STOP_SECONDS", "10")));
        assertEquals(Duration.ZERO, MachineCli.idleStop(MachineConfig.defaults(), Map.of()));
    }
}
