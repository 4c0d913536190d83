package dev.berth.runtime.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A shell command run inside a real pseudo-terminal: util-linux {@code script} allocates the pty, so the docker
 * CLI under it sees a terminal (raw mode, window size, {@code -it}) while the test types and reads through pipes.
 */
final class PtySession implements AutoCloseable {
    private final Process process;
    private final OutputStream keys;
    private final StringBuffer screen = new StringBuffer();

    private PtySession(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) > 0) {
                    screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the session ended
            }
        });
    }

    /** Starts {@code shellCommand} in a pty with {@code env} added to the environment. */
    static PtySession start(String shellCommand, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qfec", shellCommand, "/dev/null"))
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("TERM", "xterm");
        return new PtySession(pb.start());
    }

    /** Types {@code text} (a trailing \n is Enter). */
    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until the terminal has shown {@code text}; fails with the screen so far otherwise. */
    void await(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!screen.toString().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("terminal never showed '" + text + "'; it shows:\n" + screen);
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the session to end and returns its exit code (script -e passes the command's on). */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("terminal session did not end; it shows:\n" + screen);
        }
        return process.exitValue();
    }

    String screen() {
        return screen.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
