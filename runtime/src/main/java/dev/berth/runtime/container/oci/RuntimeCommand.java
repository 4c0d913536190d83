package dev.berth.runtime.container.oci;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one runtime CLI invocation, waits with a timeout and turns a failure into an error carrying the runtime's stderr. */
final class RuntimeCommand {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Captured result of a finished command. */
    record Result(int exitCode, String stdout, String stderr) {}

    private RuntimeCommand() {}

    /** Runs {@code argv}; returns the result whatever the exit code. */
    static Result run(List<String> argv, Duration timeout) {
        return run(argv, timeout, null);
    }

    /**
     * Runs {@code argv}. When {@code scratch} is set, stdout and stderr go to files there instead of pipes:
     * {@code create} and {@code exec --detach} leave a process behind that inherits them, and a pipe
     * would then never reach end of file.
     */
    static Result run(List<String> argv, Duration timeout, Path scratch) {
        Process p;
        Path outFile = null;
        Path errFile = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (scratch != null) {
                Files.createDirectories(scratch);
                outFile = Files.createTempFile(scratch, "out-", ".txt");
                errFile = Files.createTempFile(scratch, "err-", ".txt");
                pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            }
            p = pb.start();
        } catch (IOException e) {
            throw new EngineException("cannot run " + argv.getFirst() + ": " + e.getMessage(), e);
        }
        if (scratch != null) {
            return waitForFiles(p, argv, timeout, outFile, errFile);
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new EngineException(String.join(" ", argv) + ": no answer within " + timeout.toSeconds() + "s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running " + argv.getFirst(), e);
        }
    }

    private static Result waitForFiles(Process p, List<String> argv, Duration timeout, Path outFile, Path errFile) {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new EngineException(String.join(" ", argv) + ": no answer within " + timeout.toSeconds() + "s");
            }
            return new Result(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running " + argv.getFirst(), e);
        } catch (IOException e) {
            throw new EngineException("cannot read the output of " + argv.getFirst() + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(outFile);
                Files.deleteIfExists(errFile);
            } catch (IOException ignored) {
                // stray scratch files are harmless
            }
        }
    }

    /** Runs {@code argv} and returns stdout; a non-zero exit becomes an error naming the container. */
    static String check(List<String> argv, String id) {
        return check(argv, id, null);
    }

    /** Like {@link #check(List, String)}, with output through files in {@code scratch} (see {@link #run(List, Duration, Path)}). */
    static String check(List<String> argv, String id, Path scratch) {
        Result r = run(argv, TIMEOUT, scratch);
        if (r.exitCode() != 0) {
            String message = message(r);
            if (message.contains("does not exist") || message.contains("not found")
                    || message.contains("No such file")) {
                throw new NotFoundException("No such container: " + id + " (" + message + ")");
            }
            throw new EngineException(argv.getFirst() + " " + verb(argv) + " " + id + " failed: " + message);
        }
        return r.stdout();
    }

    /** The runtime's error text: runc prints plain lines, crun may omit the newline; both go to stderr. */
    static String message(Result r) {
        String text = r.stderr().isBlank() ? r.stdout() : r.stderr();
        text = text.strip();
        return text.isEmpty() ? "exit status " + r.exitCode() : text;
    }

    private static String verb(List<String> argv) {
        return argv.stream().skip(1).filter(a -> !a.startsWith("-") && !a.contains("/")).findFirst().orElse("");
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        });
        return f;
    }
}
