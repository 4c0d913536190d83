package dev.berth.runtime.container.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.oci.RuntimeSpec;
import dev.berth.runtime.errors.InvalidArgumentException;

/**
 * The body of {@code POST /containers/{id}/update}: only the fields the client sent (null = unchanged).
 * Knows how to fold itself into a HostConfig and into the runtime's cgroup resources.
 */
public record ResourceUpdate(Long memory, Long memorySwap, Long nanoCpus, Long cpuShares, Long cpuQuota, Long cpuPeriod,
        Long pidsLimit, JsonNode restartPolicy) {
    static final long MIN_MEMORY = 6L * 1024 * 1024;
    static final long DEFAULT_CPU_PERIOD_US = 100_000;

    public static ResourceUpdate parse(ObjectNode body) {
        if (body == null) {
            throw new InvalidArgumentException("update needs a JSON body");
        }
        JsonNode rp = body.get("RestartPolicy");
        ResourceUpdate u = new ResourceUpdate(num(body, "Memory"), num(body, "MemorySwap"), num(body, "NanoCpus"),
                num(body, "CpuShares"), num(body, "CpuQuota"), num(body, "CpuPeriod"), num(body, "PidsLimit"),
                rp == null || rp.isNull() || rp.path("Name").asText("").isEmpty() ? null : rp);
        u.validate();
        return u;
    }

    /** The CLI sends every field, unset ones as 0: 0 means "not changing" for all of them (as in moby). */
    private static Long num(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToLong()) {
            throw new InvalidArgumentException(field + " must be a number");
        }
        return n.asLong() == 0 ? null : n.asLong();
    }

    private void validate() {
        if (memory != null && memory > 0 && memory < MIN_MEMORY) {
            throw new InvalidArgumentException("Minimum memory limit allowed is 6MB");
        }
        if (memory != null && memory < 0) {
            throw new InvalidArgumentException("invalid memory limit " + memory);
        }
        if (nanoCpus != null && (cpuQuota != null || cpuPeriod != null)) {
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }
        if ((nanoCpus != null && nanoCpus < 0) || (cpuShares != null && cpuShares < 0)) {
            throw new InvalidArgumentException("CPU values must not be negative");
        }
        if (restartPolicy != null) {
            String name = restartPolicy.path("Name").asText();
            if (!java.util.Set.of("no", "always", "unless-stopped", "on-failure").contains(name)) {
                throw new InvalidArgumentException("invalid restart policy '" + name + "'");
            }
        }
    }

    /**
     * {@code old} with the sent fields replaced. Memory without swap: swap follows at twice the memory when it
     * was left to the default, stays unlimited when it was unlimited, and must not fall below the memory otherwise.
     */
    public ObjectNode applyTo(ObjectNode old) {
        ObjectNode h = old.deepCopy();
        if (memory != null) {
            long oldSwap = old.path("MemorySwap").asLong(0);
            if (memorySwap == null && oldSwap > 0 && memory > oldSwap) {
                throw new dev.berth.runtime.errors.ConflictException(
                        "Memory limit should be smaller than already set memoryswap limit,"
                                + " update the memoryswap at the same time");
            }
            h.put("Memory", memory);
        }
        if (memorySwap != null) {
            long mem = h.path("Memory").asLong(0);
            if (memorySwap > 0 && memorySwap < mem) {
                throw new InvalidArgumentException(
                        "Minimum memoryswap limit should be larger than memory limit, see usage");
            }
            h.put("MemorySwap", memorySwap);
        }
        if (nanoCpus != null) {
            h.put("NanoCpus", nanoCpus);
            h.put("CpuQuota", 0);
            h.put("CpuPeriod", 0);
        }
        if (cpuQuota != null) {
            h.put("CpuQuota", cpuQuota);
            h.put("NanoCpus", 0);
        }
        if (cpuPeriod != null) {
            h.put("CpuPeriod", cpuPeriod);
            h.put("NanoCpus", 0);
        }
        if (cpuShares != null) {
            h.put("CpuShares", cpuShares);
        }
        if (pidsLimit != null) {
            h.put("PidsLimit", pidsLimit);
        }
        if (restartPolicy != null) {
            h.set("RestartPolicy", restartPolicy.deepCopy());
        }
        return h;
    }

    /** The cgroup changes for the runtime, computed from the already updated HostConfig {@code h}; nulls are left alone. */
    public RuntimeSpec.Resources resources(ObjectNode h, boolean swapAccounting) {
        RuntimeSpec.Memory mem = null;
        if (memory != null || memorySwap != null) {
            long m = h.path("Memory").asLong(0);
            long s = h.path("MemorySwap").asLong(0);
            Long swap = !swapAccounting ? null : s == 0 ? (m > 0 ? 2 * m : -1L) : s;
            mem = new RuntimeSpec.Memory(m > 0 ? m : -1L, null, swap);
        }
        RuntimeSpec.Cpu cpu = null;
        if (nanoCpus != null || cpuQuota != null || cpuPeriod != null || cpuShares != null) {
            Long quota = null;
            Long period = null;
            if (nanoCpus != null) {
                period = DEFAULT_CPU_PERIOD_US;
                quota = nanoCpus * DEFAULT_CPU_PERIOD_US / 1_000_000_000L;
            } else if (cpuQuota != null || cpuPeriod != null) {
                period = h.path("CpuPeriod").asLong(0) > 0 ? h.path("CpuPeriod").asLong() : DEFAULT_CPU_PERIOD_US;
                quota = h.path("CpuQuota").asLong(0) != 0 ? h.path("CpuQuota").asLong() : -1L;
            }
            cpu = new RuntimeSpec.Cpu(cpuShares, quota, period, null, null);
        }
        RuntimeSpec.Pids pids = pidsLimit == null ? null : new RuntimeSpec.Pids(pidsLimit > 0 ? pidsLimit : -1);
        return new RuntimeSpec.Resources(null, mem, cpu, pids);
    }

    /** Whether anything reaches the cgroups (a restart policy alone does not). */
    public boolean touchesCgroups() {
        return memory != null || memorySwap != null || nanoCpus != null || cpuShares != null || cpuQuota != null
                || cpuPeriod != null || pidsLimit != null;
    }
}
