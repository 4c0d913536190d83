package dev.berth.app.localengine;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short host command (systemctl, journalctl) whose exit status and combined output we want. */
final class HostCommand {
    /** What a finished command left: its exit status (-1 when it did not finish in time) and its output. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }

        String firstLine() {
            String trimmed = output.strip();
            int nl = trimmed.indexOf('\n');
            return nl < 0 ? trimmed : trimmed.substring(0, nl);
        }
    }

    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread reader;

    private HostCommand(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        // Read while it runs: a command that fills the pipe would otherwise never exit.
        reader = Thread.ofVirtual().name("host-command-output").start(() -> drain(process.getInputStream()));
    }

    /** Starts the command and returns while it runs. */
    static HostCommand start(List<String> command) throws IOException {
        return new HostCommand(command);
    }

    /** Runs the command to its end (or the timeout, after which it is killed); never throws. */
    static Result run(List<String> command, Duration timeout) {
        try {
            return start(command).await(timeout);
        } catch (IOException e) {
            return new Result(-1, "could not run " + command.getFirst() + ": " + e.getMessage());
        }
    }

    boolean running() {
        return process.isAlive();
    }

    Result await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                reader.join(Duration.ofSeconds(1));
                return new Result(-1, text() + "\n(no answer within " + timeout.toSeconds() + " s)");
            }
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(-1, text());
        }
        return new Result(process.exitValue(), text());
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0;) {
                synchronized (output) {
                    output.write(buf, 0, n);
                }
            }
        } catch (IOException ignored) {
            // The process went away; what was read so far is all there is.
        }
    }

    private String text() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }
}
