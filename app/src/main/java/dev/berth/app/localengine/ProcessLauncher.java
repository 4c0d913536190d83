package dev.berth.app.localengine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs berthd as a child process of the app: directly when the app runs as root, otherwise through {@code pkexec},
 * which asks for the administrator password. Output is appended to a log file whose latest run explains a failure.
 */
public final class ProcessLauncher implements EngineLauncher {
    private static final int LOG_TAIL = 15;
    private static final String START_MARKER = "--- berth: starting ";

    private final List<String> command;
    private final Mode mode;
    private final Path logFile;
    private Process process;

    public ProcessLauncher(List<String> command, Mode mode, Path logFile) {
        this.command = List.copyOf(command);
        this.mode = mode;
        this.logFile = logFile;
    }

    /** {@code bin/berthd} as is, for an app that runs as root. */
    public static ProcessLauncher direct(Path berthdScript, Path logFile) {
        return new ProcessLauncher(List.of(berthdScript.toAbsolutePath().toString()), Mode.DIRECT, logFile);
    }

    /** {@code pkexec bin/berthd}: berthd needs root (namespaces, mounts), pkexec asks for the password. */
    public static ProcessLauncher pkexec(Path berthdScript, Path logFile) {
        return new ProcessLauncher(List.of("pkexec", berthdScript.toAbsolutePath().toString()), Mode.PKEXEC,
                logFile);
    }

    public List<String> command() {
        return command;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public synchronized Launch launch() throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.writeString(logFile, START_MARKER + String.join(" ", command) + " at " + Instant.now()
                + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new IOException("Could not run " + command.getFirst() + ": " + e.getMessage(), e);
        }
        Process started = process;
        return () -> started.isAlive() ? Optional.empty()
                : Optional.of("The engine exited with status " + started.exitValue() + " before it answered.");
    }

    /** Stops the engine this launcher started (SIGTERM, then SIGKILL after 15 s); any other engine is not ours. */
    @Override
    public synchronized Optional<String> stop() {
        if (process == null || !process.isAlive()) {
            return Optional.of("This engine was not started by Berth; stop it where it was started.");
        }
        // pkexec runs berthd as root, so we cannot signal it ourselves; its descendants go down with it on TERM.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public String logLocation() {
        return logFile.toString();
    }

    @Override
    public List<String> lastLogLines() {
        try {
            if (!Files.exists(logFile)) {
                return List.of();
            }
            // Build tools color their output; escape codes are noise in a text box.
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .map(l -> l.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "")).filter(l -> !l.isBlank()).toList();
            // Only the latest start matters; earlier runs appended to the same file.
            int from = 0;
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith(START_MARKER)) {
                    from = i + 1;
                    break;
                }
            }
            lines = lines.subList(from, lines.size());
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + logFile + ": " + e.getMessage() + ")");
        }
    }
}
