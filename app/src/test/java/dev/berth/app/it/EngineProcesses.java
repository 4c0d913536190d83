package dev.berth.app.it;

import dev.berth.app.localengine.EngineProbe;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A reference engine (dockerd, podman) that a fixture launched: waiting for its socket, stopping it. */
final class EngineProcesses {
    private EngineProcesses() {}

    /** Returns once {@code socket} answers {@code /_ping}; kills the engine and fails with its log if it never does. */
    static void awaitAnswer(String engine, Process process, Path socket, Supplier<String> log)
            throws InterruptedException {
        EngineProbe probe = EngineProbe.unixSocket(socket);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!probe.answers()) {
            if (!process.isAlive() || System.nanoTime() > end) {
                process.destroyForcibly();
                throw new AssertionError(engine + " did not start:\n" + log.get());
            }
            // Polling a process we just launched until it opens its socket.
            Thread.sleep(100);
        }
    }

    /** SIGTERM, then SIGKILL if it is still there after 30 s. */
    static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
