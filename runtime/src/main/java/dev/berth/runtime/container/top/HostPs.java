package dev.berth.runtime.container.top;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** {@code docker top CONTAINER ps-options}: runs the host's ps with the options and keeps the container's rows (as moby does). */
public final class HostPs {
    private HostPs() {}

    public static ProcessTable.Table table(String psArgs, List<Long> pids) {
        List<String> argv = new ArrayList<>();
        argv.add("ps");
        argv.addAll(Arrays.stream(psArgs.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        String out;
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new InvalidArgumentException("ps " + psArgs + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new EngineException("cannot run ps: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted running ps", e);
        }
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new EngineException("ps printed nothing");
        }
        List<String> titles = List.of(lines.get(0).trim().split("\\s+"));
        int pidCol = titles.indexOf("PID");
        if (pidCol < 0) {
            throw new InvalidArgumentException("Couldn't find PID field in ps output");
        }
        Set<String> wanted = pids.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            // The last column (the command) may hold spaces: split into at most as many fields as there are titles.
            String[] f = line.trim().split("\\s+", titles.size());
            if (f.length > pidCol && wanted.contains(f[pidCol])) {
                rows.add(List.of(f));
            }
        }
        return new ProcessTable.Table(titles, rows);
    }
}
