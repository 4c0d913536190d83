package dev.berth.runtime.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One berthd subprocess on a given socket and data root, with its log in a file. */
final class BerthdProcess {
    private final Path socket;
    private final Path log;
    private final List<String> command;
    private Process process;

    BerthdProcess(Path socket, Path log, List<String> command) {
        this.socket = socket;
        this.log = log;
        this.command = command;
    }

    /** Starts berthd and waits until {@code /_ping} answers; fails with the log if it exits or times out. */
    void start(Duration timeout) {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start berthd: " + command, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("berthd exited with " + process.exitValue() + " during start-up\n" + log());
            }
            if (pingOk()) {
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("berthd did not answer /_ping within " + timeout + "\n" + log());
    }

    private boolean pingOk() {
        if (!Files.exists(socket)) {
            return false;
        }
        try (HttpConnection c = new HttpConnection(socket)) {
            return c.exchange("GET", "/_ping", Map.of(), null).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, then waits for the exit; returns the exit status. */
    int stop(Duration timeout) {
        if (process == null) {
            return -1;
        }
        process.destroy(); // SIGTERM on Linux
        return await(timeout);
    }

    /** SIGKILL: a crash, leaving socket, pid file and lock file behind. */
    void kill9() {
        if (process != null) {
            process.destroyForcibly();
            await(Duration.ofSeconds(10));
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    private int await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("berthd did not stop within " + timeout + "\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read log " + log + ": " + e + ")";
        }
    }

    /** True if something accepts connections on the socket. */
    static boolean listening(Path socket) {
        try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
