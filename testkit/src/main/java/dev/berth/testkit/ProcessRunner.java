package dev.berth.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a timeout, optional stdin, and its output captured in temp files. */
public final class ProcessRunner {
    private ProcessRunner() {}

    public static CommandResult run(List<String> command, Map<String, String> env, byte[] stdin, Duration timeout) {
        Path outFile = null;
        Path errFile = null;
        try {
            outFile = Files.createTempFile("cmd-", ".out");
            errFile = Files.createTempFile("cmd-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(outFile.toFile())
                    .redirectError(errFile.toFile());
            pb.environment().putAll(env);
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process p = pb.start();
            if (stdin != null) {
                Thread.ofVirtual().start(() -> {
                    try (OutputStream os = p.getOutputStream()) {
                        os.write(stdin);
                    } catch (IOException ignored) {
                        // the command stopped reading; its exit status tells the story
                    }
                });
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout + ": " + command + "\n--- stdout\n"
                        + Files.readString(outFile) + "\n--- stderr\n" + Files.readString(errFile));
            }
            return new CommandResult(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        } finally {
            deleteQuietly(outFile);
            deleteQuietly(errFile);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
