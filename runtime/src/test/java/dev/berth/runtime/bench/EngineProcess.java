package dev.berth.runtime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An engine (berthd or the reference dockerd) started for a benchmark, with its process tree's memory. */
final class EngineProcess implements AutoCloseable {
    final String name;
    final Path socket;
    private final Process process;

    private EngineProcess(String name, Path socket, Process process) {
        this.name = name;
        this.socket = socket;
        this.process = process;
    }

    static EngineProcess berthd(Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path socket = dir.resolve("berthd.sock");
        // The same JVM flags bin/berthd uses, so the benchmark measures what users run.
        List<String> cmd = new ArrayList<>(List.of(java));
        Files.readAllLines(Path.of("bin/berthd.jvm")).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.berth.runtime.daemon.Berthd",
                "--host", "unix://" + socket, "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("berthd.pid").toString()));
        return start("berthd", socket, cmd, dir);
    }

    static EngineProcess dockerd(Path dir) throws Exception {
        Path socket = dir.resolve("dockerd.sock");
        List<String> cmd = List.of("dockerd", "--host", "unix://" + socket, "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("dockerd.pid").toString(),
                "--iptables=false", "--ip-masq=false", "--bridge=none");
        return start("dockerd", socket, cmd, dir);
    }

    /** dockerd as {@link #dockerd} with {@code --live-restore}: its containers outlive it, as berthd's do. */
    static EngineProcess dockerdLiveRestore(Path dir) throws Exception {
        Path socket = dir.resolve("dockerd.sock");
        List<String> cmd = List.of("dockerd", "--host", "unix://" + socket, "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("dockerd.pid").toString(),
                "--iptables=false", "--ip-masq=false", "--bridge=none", "--live-restore");
        return start("dockerd", socket, cmd, dir);
    }

    /**
     * dockerd with its default networking (docker0 on 172.17.0.0/16, iptables, docker-proxy for 127.0.0.1): the
     * reference for the network benchmark. It changes the host's firewall; see {@link HostFirewall} for the undo.
     */
    static EngineProcess dockerdWithNetwork(Path dir) throws Exception {
        Path socket = dir.resolve("dockerd.sock");
        List<String> cmd = List.of("dockerd", "--host", "unix://" + socket, "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("dockerd.pid").toString());
        return start("dockerd", socket, cmd, dir);
    }

    private static EngineProcess start(String name, Path socket, List<String> cmd, Path dir) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        EngineProcess engine = new EngineProcess(name, socket, p);
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end)) {
            if (engine.docker("version").exitCode == 0) {
                return engine;
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException(name + " did not start: " + Files.readString(dir.resolve(name + ".log")));
    }

    /** The result of one docker CLI run. */
    record Result(int exitCode, String output, long nanos) {}

    Result docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", "unix://" + socket));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        return new Result(code, out, System.nanoTime() - start);
    }

    /** The engine's own process id. */
    long pid() {
        return process.pid();
    }

    /** The directory holding the engine's socket, data and exec roots: what its helper processes' command lines name. */
    Path dir() {
        return socket.getParent();
    }

    /** Resident memory of the engine and all its descendants (dockerd counts its containerd), in KiB. */
    long treeRssKiB() throws IOException {
        long total = rss(process.toHandle());
        for (ProcessHandle child : process.toHandle().descendants().toList()) {
            total += rss(child);
        }
        return total;
    }

    private static long rss(ProcessHandle handle) throws IOException {
        Path status = Path.of("/proc", Long.toString(handle.pid()), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** SIGTERM and wait for the engine to exit (SIGKILL after 20 s); what it set up on the host stays, as for a restart. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        if (name.equals("berthd")) {
            // Rules deliberately outlive an engine; a benchmark's data root does not.
            dev.berth.testkit.EngineRules.remove(socket.getParent().resolve("data"));
        }
    }
}
