package dev.berth.machine.provider;

import java.io.IOException;

/**
 * One hypervisor. {@link #launch} starts a VM and returns at once; the caller ({@code MachineHost}) waits for berthd
 * inside to answer. Implementations keep their command lines in value classes ({@link QemuCommand}, {@link
 * VfkitCommand}, {@link WslCommands}) so that they are unit-tested on every OS.
 */
public interface VmProvider {
    /** {@code qemu}, {@code vfkit}, {@code wsl2}. */
    String name();

    /** Whether this host can run it (the program is installed), with the reason when not. */
    Availability availability();

    /** Starts the VM {@code spec} describes. */
    VmInstance launch(VmSpec spec) throws IOException;

    /** Whether a provider can be used here. */
    record Availability(boolean available, String reason) {
        public static Availability yes() {
            return new Availability(true, "");
        }

        public static Availability no(String reason) {
            return new Availability(false, reason);
        }
    }
}
