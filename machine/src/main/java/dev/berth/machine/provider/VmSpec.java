package dev.berth.machine.provider;

import dev.berth.machine.MachineConfig;
import dev.berth.machine.MachinePaths;
import dev.berth.machine.VmAssets;
import java.nio.file.Path;

/**
 * Everything a provider needs to describe one boot of a machine.
 *
 * @param apiHostPort the host's loopback port forwarded to the guest's bridge port (QEMU), or 0 when the provider
 *                    reaches the guest otherwise
 * @param homeShare   the host directory the guest mounts at the same path (the user's home), or null
 */
public record VmSpec(MachineConfig config, MachinePaths paths, VmAssets assets, Accelerator accelerator,
        int apiHostPort,
        Path homeShare) {
    /** The port berthd's VM bridge listens on inside the guest. */
    public static final int GUEST_API_PORT = 2375;

    /** The kernel command line: the console, where the home share goes, and quiet so that boot stays fast. */
    public String kernelCommandLine(String console) {
        StringBuilder s = new StringBuilder("console=").append(console).append(" panic=-1 quiet loglevel=3");
        if (accelerator == Accelerator.TCG) {
            s.append(" berth.accel=tcg"); // berthd's JVM then compiles with C1 only: C2's compiles cost seconds there
        }
        if (homeShare != null) {
            s.append(" berth.home=").append(homeShare.toString().replace(" ", "\\x20"));
        }
        return s.toString();
    }
}
