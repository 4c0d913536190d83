package dev.berth.runtime.network.host;

import java.util.List;

/**
 * Runs host tools ({@code ip}, {@code iptables}, {@code nsenter}). The seam between network logic and the
 * kernel: the real one forks processes; tests can record the calls instead.
 */
public interface Commands {
    /** Runs {@code argv} to completion; never throws for a non-zero exit. */
    CommandResult run(List<String> argv);

    /** Runs {@code argv} and throws {@link HostCommandException} unless it exits 0. */
    default CommandResult check(List<String> argv) {
        CommandResult r = run(argv);
        if (!r.ok()) {
            throw new HostCommandException(r);
        }
        return r;
    }
}
