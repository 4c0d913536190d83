package dev.berth.runtime.container.monitor;

/**
 * How conmon handles a container's stdio. {@code openStdin} is docker's -i (conmon keeps a stdin pipe fed by
 * the attach socket); {@code stdinOnce} false keeps it open after the first attach disconnects
 * (--leave-stdin-open). {@code logSizeMax} ≤ 0 means unlimited.
 */
public record MonitorOptions(String name, boolean terminal, boolean openStdin, boolean stdinOnce, long logSizeMax) {

    /** Detached, no TTY, no stdin: what `docker run -d` gives. */
    public static MonitorOptions detached(String name) {
        return new MonitorOptions(name, false, false, false, 0);
    }
}
