package dev.berth.runtime.bench;

import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 16's restart at scale: an engine with 200 containers (half running, half exited) is stopped and started
 * again; how long until it answers, until it lists every running container as running (re-attached to its monitor),
 * and whether one can still be stopped and its log read. berthd beside dockerd with {@code --live-restore} (dockerd's
 * way of keeping containers across a restart), one after the other. Run through {@code scripts/bench/restart}.
 */
public final class RestartBenchmark {
    private RestartBenchmark() {}

    /** What one engine's restart took, in milliseconds. */
    private record Outcome(String engine, long stopMs, long readyMs, long attachedMs, boolean stopWorks,
            boolean logsWork) {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path work = Files.createTempDirectory(Path.of("/tmp"), "berth-restart-");
        List<Outcome> outcomes = new ArrayList<>();
        try (RegistryServer registry = RegistryServer.open()) {
            TestImages.busybox().push(registry, "restart/busybox", "1");
            String image = registry.host() + "/restart/busybox:1";
            for (String name : List.of("berthd", "dockerd")) {
                outcomes.add(measure(name, work.resolve(name), image, total));
            }
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
        System.out.printf(
                "%n| %d containers (%d running) | stop | ready after start | all running listed | stop one | logs |%n",
                total, total / 2);
        System.out.println("|---|---|---|---|---|---|");
        for (Outcome o : outcomes) {
            System.out.printf("| %s | %d ms | %d ms | %d ms | %s | %s |%n", o.engine(), o.stopMs(), o.readyMs(),
                    o.attachedMs(),
                    o.stopWorks() ? "yes" : "NO", o.logsWork() ? "yes" : "NO");
        }
    }

    private static EngineProcess start(String name, Path dir) throws Exception {
        return name.equals("berthd") ? EngineProcess.berthd(dir) : EngineProcess.dockerdLiveRestore(dir);
    }

    private static Outcome measure(String name, Path dir, String image, int total) throws Exception {
        EngineProcess engine = start(name, dir);
        check(engine.docker("pull", image), "pull");
        for (int i = 0; i < total; i++) {
            if (i % 2 == 0) {
                check(engine.docker("run", "-d", "--network", "none", "--name", "up-" + i, image, "sh", "-c",
                        "echo started-" + i + "; exec sleep 3600"), "run");
            } else {
                check(engine.docker("run", "--network", "none", "--name", "done-" + i, image, "true"), "run");
            }
        }
        long stop0 = System.nanoTime();
        engine.stop(); // only the process: its rules and bridges stay for the restart, as with a service restart
        long stopMs = (System.nanoTime() - stop0) / 1_000_000;
        long start0 = System.nanoTime();
        engine = start(name, dir);
        long readyMs = (System.nanoTime() - start0) / 1_000_000;
        long running;
        do {
            running = engine.docker("ps", "-q").output().lines().filter(l -> !l.isBlank()).count();
        } while (running < total / 2 && System.nanoTime() - start0 < 300_000_000_000L);
        long attachedMs = (System.nanoTime() - start0) / 1_000_000;
        boolean stopWorks = engine.docker("stop", "-t", "1", "up-0").exitCode() == 0
                && engine.docker("inspect", "--format", "{{.State.Running}}", "up-0").output().strip().equals("false");
        boolean logsWork = engine.docker("logs", "up-2").output().contains("started-2");
        String ids = engine.docker("ps", "-aq").output().strip();
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(List.of(ids.split("\\s+")));
            engine.docker(rm.toArray(String[]::new));
        }
        engine.close();
        return new Outcome(name, stopMs, readyMs, running >= total / 2 ? attachedMs : -1, stopWorks, logsWork);
    }

    private static void check(EngineProcess.Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + r.output());
        }
    }
}
