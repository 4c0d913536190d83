package dev.berth.machine.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One finished command: exit status and output, with a description for assertion messages. */
record Run(List<String> argv, int status, String stdout, String stderr) {

    /** Runs {@code argv} with {@code env} added to this process's environment; fails the test after {@code timeout}. */
    static Run of(Map<String, String> env, Duration timeout, List<String> argv) {
        try {
            Path out = Files.createTempFile("run", ".out");
            Path err = Files.createTempFile("run", ".err");
            ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(argv + " did not finish within " + timeout.toSeconds() + " s; output so far:\n"
                        + Files.readString(out) + Files.readString(err));
            }
            Run r = new Run(argv, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + argv + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + argv);
        }
    }

    boolean ok() {
        return status == 0;
    }

    @Override
    public String toString() {
        return String.join(" ", argv) + " → " + status + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
