package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One berthd subprocess on a given socket and data root, with its log in a file: the one launcher every module's
 * integration tests use (the runtime's {@code BerthdExtension}, the app's engine fixtures). The command comes from
 * {@link BerthdCommand}.
 */
public final class BerthdProcess {
    private final Path socket;
    private final Path log;
    private final List<String> command;
    private Process process;

    public BerthdProcess(Path socket, Path log, List<String> command) {
        this.socket = socket;
        this.log = log;
        this.command = List.copyOf(command);
    }

    /** Starts berthd and waits until {@code /_ping} answers; fails with the log if it exits or times out. */
    public void start(Duration timeout) {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start berthd: " + command, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("berthd exited with " + process.exitValue() + " during start-up\n" + log());
            }
            if (pingOk(socket)) {
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("berthd did not answer /_ping within " + timeout + "\n" + log());
    }

    /** True when {@code GET /_ping} on the socket answers HTTP 200. */
    public static boolean pingOk(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(
                    ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: berthd\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(64);
            while (buf.position() < 12 && ch.read(buf) >= 0) {
                // Read until the status line's code is in.
            }
            String head = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.") && head.length() >= 12 && head.startsWith("200", 9);
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, then waits for the exit; returns the exit status. */
    public int stop(Duration timeout) {
        if (process == null) {
            return -1;
        }
        process.destroy(); // SIGTERM on Linux
        return await(timeout);
    }

    /** SIGKILL: a crash, leaving socket, pid file and lock file behind. */
    public void kill9() {
        if (process != null) {
            process.destroyForcibly();
            await(Duration.ofSeconds(10));
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
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

    /** Everything berthd logged so far (all runs). */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read log " + log + ": " + e + ")";
        }
    }

    /** True if something accepts connections on the socket. */
    public static boolean listening(Path socket) {
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
