package dev.berth.runtime.container.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.container.oci.OciRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.berth.runtime.container.model.RunState;

/**
 * Runs one probe inside a container with {@code <runtime> exec --process} (not detached, so the runtime's exit
 * code is the probe's and its stdout/stderr are the probe's output). The process inherits the container's user,
 * environment and working directory from the bundle's config.json.
 */
public final class ProbeExec {
    /** Docker keeps at most this much of a probe's output. */
    static final int MAX_OUTPUT = 4096;

    private final OciRuntime runtime;

    public ProbeExec(OciRuntime runtime) {
        this.runtime = runtime;
    }

    /** Runs {@code command} in container {@code id} whose bundle config is {@code configJson}. */
    public RunState.Probe run(String id, Path configJson, List<String> command, Duration timeout) {
        Instant start = Instant.now();
        Path processFile = null;
        try {
            processFile = Files.createTempFile(configJson.getParent(), "health-", ".json");
            AtomicFiles.writeJson(processFile, process(configJson, command));
            List<String> argv = new ArrayList<>();
            argv.add(runtime.binary().toString());
            argv.addAll(runtime.globalArgs());
            Path pidFile = processFile.resolveSibling(processFile.getFileName() + ".pid");
            argv.addAll(List.of("exec", "--process", processFile.toString(), "--pid-file", pidFile.toString(), id));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readCapped(p.getInputStream()),
                    r -> Thread.ofVirtual().start(r));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                // Killing the runtime would leave the probe running in the container: kill the probe itself.
                killProbe(pidFile);
                p.destroyForcibly();
                return HealthLedger.probe(start, Instant.now(), -1,
                        "Health check exceeded timeout (" + timeout.toSeconds() + "s)");
            }
            Files.deleteIfExists(pidFile);
            String out = new String(output.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            return HealthLedger.probe(start, Instant.now(), p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthLedger.probe(start, Instant.now(), -1, "health check interrupted");
        } catch (Exception e) {
            return HealthLedger.probe(start, Instant.now(), -1, "cannot run health check: " + e.getMessage());
        } finally {
            if (processFile != null) {
                try {
                    Files.deleteIfExists(processFile);
                } catch (IOException ignored) {
                    // the bundle is removed with the container anyway
                }
            }
        }
    }

    private static void killProbe(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            // no pid yet: the runtime itself is stuck, destroying it is all we can do
        } finally {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // left in the bundle, removed with it
            }
        }
    }

    /** The container's own process with the probe's argv and no terminal. */
    static ObjectNode process(Path configJson, List<String> command) throws IOException {
        JsonNode config = Json.MAPPER.readTree(Files.readAllBytes(configJson));
        ObjectNode process = config.path("process").isObject() ? ((ObjectNode) config.get("process")).deepCopy()
                : Json.MAPPER.createObjectNode();
        ArrayNode args = process.putArray("args");
        command.forEach(args::add);
        process.put("terminal", false);
        process.remove("consoleSize");
        return process;
    }

    private static byte[] readCapped(InputStream in) {
        try (in) {
            byte[] all = in.readAllBytes();
            return all.length <= MAX_OUTPUT ? all : java.util.Arrays.copyOf(all, MAX_OUTPUT);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
