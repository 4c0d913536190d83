package dev.berth.runtime.network.host;

import java.util.List;

/**
 * Runs host tools ({@code ip}, {@code iptables}, {@code nsenter}). The seam between network logic and the
 * kernel: the real one forks processes; tests can record the calls instead.
 */
public interface Commands {
    /** Runs {@code argv} to completion; never throws for a non-zero exit. */
    CommandResult run(List<String> argv);

    /**
     * Runs {@code argv} with {@code input} on its stdin, e.g. {@code ip -batch -} doing many changes in one process;
     * never throws for a non-zero exit. Fakes that only record single commands need not support it.
     */
    default CommandResult run(List<String> argv, String input) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not run commands with input");
    }

    /** {@link #run(List, String)}, throwing {@link HostCommandException} unless it exits 0. */
    default CommandResult check(List<String> argv, String input) {
        CommandResult r = run(argv, input);
        if (!r.ok()) {
            throw new HostCommandException(r);
        }
        return r;
    }

    /** Runs {@code argv} and throws {@link HostCommandException} unless it exits 0. */
    default CommandResult check(List<String> argv) {
        CommandResult r = run(argv);
        if (!r.ok()) {
            throw new HostCommandException(r);
        }
        return r;
    }
}
