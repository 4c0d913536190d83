package dev.berth.runtime.container.xray;

/**
 * One process of the container seen from both sides: {@code hostPid} is its pid on the host (what {@code ps} on the
 * host shows), {@code containerPid} what it is inside the container's pid namespace (1 for the first process).
 */
public record ProcessEntry(long hostPid, long containerPid, long hostPpid, String name, String cmdline, long uid) {}
