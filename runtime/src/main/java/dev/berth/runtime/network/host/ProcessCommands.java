package dev.berth.runtime.network.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link Commands} by forking the tool; stdout and stderr are drained concurrently so a chatty tool never blocks. */
public final class ProcessCommands implements Commands {
    private static final System.Logger LOG = System.getLogger(ProcessCommands.class.getName());

    @Override
    public CommandResult run(List<String> argv) {
        return run(argv, null);
    }

    @Override
    public CommandResult run(List<String> argv, String input) {
        long began = System.nanoTime();
        try {
            ProcessBuilder pb = new ProcessBuilder(argv);
            if (input == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process p = pb.start();
            if (input != null) {
                try (var stdin = p.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()),
                    r -> Thread.ofVirtual().start(r));
            String out = drain(p.getInputStream());
            int code = p.waitFor();
            LOG.log(System.Logger.Level.DEBUG, () -> String.join(" ", argv) + " -> " + code + " ("
                    + (System.nanoTime() - began) / 1_000_000 + " ms)");
            return new CommandResult(List.copyOf(argv), code, out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.getFirst(), e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
