package dev.berth.machine.provider;

import java.time.Duration;
import java.util.Optional;

/** A running VM, as its provider started it. */
public interface VmInstance {
    /** Whether the VM still runs. */
    boolean alive();

    /** The exit status of the hypervisor process once it ended. */
    Optional<Integer> exitCode();

    /** Asks the guest to power off (ACPI or its control channel) and waits up to {@code grace}; true if it did. */
    boolean shutdown(Duration grace);

    /** Ends the VM now. */
    void kill();

    /** Adds a host loopback port forwarded to a guest port ({@code proto} tcp or udp); false with the reason if it could not. */
    Optional<String> forward(String proto, int hostPort, int guestPort);

    /** Removes a forward added by {@link #forward}. */
    void unforward(String proto, int hostPort);

    /** Sends one line to the guest init's control channel ({@code settime <epoch>}, {@code poweroff}); false if it cannot. */
    default boolean control(String line) {
        return false;
    }

    /** The host's resident memory for the VM (the hypervisor process), in bytes, or -1. */
    long residentBytes();
}
