/**
 * {@code docker stats}: cgroup v1 and v2 readers, host CPU and memory totals, and a network namespace's interface
 * counters, turned into Docker's stats documents.
 */
package dev.berth.runtime.container.stats;
