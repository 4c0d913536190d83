package dev.berth.machine;

/**
 * How big a Berth VM is: CPUs, memory and data disk size, which hypervisor runs it ({@code auto} picks one that works
 * here), and after how many idle minutes the resource saver stops it. Kept in the machine's directory; changes apply
 * at its next start (the disk only grows).
 */
public record MachineConfig(String name, int cpus, int memoryMiB, int diskGiB, String provider, int idleMinutes) {
    public static final String DEFAULT_NAME = "berth";

    public MachineConfig {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,30}")) {
            throw new IllegalArgumentException("a machine name is 1-31 lower-case letters, digits, - or _: " + name);
        }
        if (cpus < 1 || cpus > 64) {
            throw new IllegalArgumentException("CPUs must be between 1 and 64, not " + cpus);
        }
        if (memoryMiB < 512 || memoryMiB > 256 * 1024) {
            throw new IllegalArgumentException("memory must be between 512 MiB and 256 GiB, not " + memoryMiB + " MiB");
        }
        if (diskGiB < 2 || diskGiB > 4096) {
            throw new IllegalArgumentException("the disk must be between 2 and 4096 GiB, not " + diskGiB + " GiB");
        }
        provider = provider == null || provider.isBlank() ? "auto" : provider;
        if (idleMinutes < 0) {
            throw new IllegalArgumentException("the idle time before the VM stops must not be negative");
        }
    }

    /** Two CPUs, 2 GiB, a 64 GiB (sparse) disk: enough for everyday containers and builds. */
    public static MachineConfig defaults() {
        return new MachineConfig(DEFAULT_NAME, Math.min(2, Runtime.getRuntime().availableProcessors()), 2048, 64,
                "auto", 0);
    }

    public MachineConfig withSize(int newCpus, int newMemoryMiB, int newDiskGiB) {
        return new MachineConfig(name, newCpus, newMemoryMiB, newDiskGiB, provider, idleMinutes);
    }

    /** Stops the VM after this many minutes without connections or running containers; 0 never does. */
    public MachineConfig withIdleMinutes(int minutes) {
        return new MachineConfig(name, cpus, memoryMiB, diskGiB, provider, minutes);
    }

    public MachineConfig withName(String newName) {
        return new MachineConfig(newName, cpus, memoryMiB, diskGiB, provider, idleMinutes);
    }
}
