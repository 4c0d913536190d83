package dev.berth.runtime.container.lifecycle;

import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.HostConfig;

/** Docker's restart policies: when an exited container comes back, and how long it waits first. */
final class RestartPolicy {
    private static final long MAX_BACKOFF_MS = 10_000;

    private RestartPolicy() {}

    /** At exit: always and unless-stopped restart; on-failure restarts non-zero exits up to its cap; never after a manual stop. */
    static boolean shouldRestart(Container c, int exitCode) {
        if (c.manuallyStopped()) {
            return false;
        }
        HostConfig.RestartPolicy p = c.hostConfigView().restartPolicy();
        return switch (p.name()) {
            case "always", "unless-stopped" -> true;
            case "on-failure" ->
                exitCode != 0 && (p.maximumRetryCount() == 0 || c.restartCount() < p.maximumRetryCount());
            default -> false;
        };
    }

    /** At engine start: always, and unless-stopped unless someone stopped it. */
    static boolean restartsWithEngine(Container c) {
        String name = c.hostConfigView().restartPolicy().name();
        return name.equals("always") || (name.equals("unless-stopped") && !c.manuallyStopped());
    }

    /** 100 ms, doubling with each restart, at most 10 s (dockerd caps at a minute; containers here restart faster). */
    static long backoffMillis(int restartCount) {
        return Math.min(MAX_BACKOFF_MS, 100L << Math.min(restartCount, 20));
    }
}
