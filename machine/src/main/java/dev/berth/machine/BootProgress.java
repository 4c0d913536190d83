package dev.berth.machine;

import java.util.List;
import java.util.Optional;

/**
 * Reads the VM's serial console for how far the boot got and why it failed. The guest's init prints {@code
 * berth-init: stage <name>} as it goes and {@code berth-init: error <reason>} when it gives up; the kernel's own
 * panic lines are recognised too. Each stage becomes the words the app and {@code berth machine start} show.
 */
public final class BootProgress {
    private static final List<String[]> STAGES = List.of(
            new String[]{"berth-init: stage kernel", "Linux is starting"},
            new String[]{"berth-init: stage root", "Mounting the system"},
            new String[]{"berth-init: stage disk", "Preparing the data disk"},
            new String[]{"berth-init: formatting", "Formatting the data disk (first start)"},
            new String[]{"berth-init: stage network", "Starting the network"},
            new String[]{"berth-init: stage share", "Sharing your home folder"},
            new String[]{"berth-init: stage engine", "Starting the engine"});

    private BootProgress() {}

    /** The furthest stage the console shows, in words; "Starting the VM" before any. */
    public static String stage(String console) {
        String stage = "Starting the VM";
        int at = -1;
        for (String[] s : STAGES) {
            int i = console.lastIndexOf(s[0]);
            if (i > at) {
                at = i;
                stage = s[1];
            }
        }
        return stage;
    }

    /** Whether anything at all came out of the guest (a sign that its CPU runs). */
    public static boolean alive(String console) {
        return !console.isBlank();
    }

    /**
     * Whether the guest's kernel reports a CPU that stopped making progress (soft lockup, RCU stall). Under a
     * hypervisor that only half works (a paravirtual /dev/kvm on cloud machines) the guest boots, then hangs on the
     * first container it creates; under TCG this never happens, so it is the sign to fall back.
     */
    public static boolean cpuStuck(String console) {
        return console.contains("watchdog: BUG: soft lockup") || console.contains("rcu_sched self-detected stall")
                || console.contains("rcu: INFO: rcu_preempt self-detected stall")
                || console.contains("rcu_preempt detected stalls");
    }

    /** Why the boot failed, in words, when the console says so. */
    public static Optional<String> failure(String console) {
        int err = console.lastIndexOf("berth-init: error ");
        if (err >= 0) {
            return Optional
                    .of(console.substring(err + "berth-init: error ".length()).lines().findFirst().orElse("").strip());
        }
        int panic = console.indexOf("Kernel panic");
        if (panic >= 0) {
            String line = console.substring(panic).lines().findFirst().orElse("").strip();
            if (line.contains("VFS: Unable to mount root")) {
                return Optional
                        .of("The VM could not mount its system disk (" + line + "): the VM image may be damaged.");
            }
            return Optional.of("The VM's kernel stopped: " + line);
        }
        return Optional.empty();
    }

    /** What the boot warned about, in words (a full data disk), to show beside a running VM; else empty. */
    public static Optional<String> warning(String console) {
        int at = console.lastIndexOf("berth-init: warning ");
        if (at < 0) {
            return Optional.empty();
        }
        String line = console.substring(at + "berth-init: warning ".length()).lines().findFirst().orElse("").strip();
        if (line.startsWith("the data disk is full")) {
            return Optional.of("The VM's data disk is full ("
                    + line.substring("the data disk is full".length()).replaceFirst("^:\\s*", "")
                    + "). Free space with docker system prune, or give the VM a larger disk.");
        }
        return Optional.of(line);
    }

    /** The last {@code n} lines of the console, to show with a failure. */
    public static List<String> tail(String console, int n) {
        List<String> lines = console.lines().toList();
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
