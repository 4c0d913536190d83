package dev.berth.runtime.bench;

import dev.berth.testkit.BerthdCommand;
import dev.berth.testkit.BerthdProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine (berthd or the reference dockerd) started for a benchmark on a directory of its own (a restart finds its
 * data there again), with its process tree's memory. Both start through testkit's {@link BerthdProcess}, the launcher
 * every test engine uses; berthd runs as {@code bin/berthd} runs it, so the benchmark measures what users run.
 */
final class EngineProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    final String name;
    final Path socket;
    private final BerthdProcess process;

    private EngineProcess(String name, Path socket, BerthdProcess process) {
        this.name = name;
        this.socket = socket;
        this.process = process;
    }

    static EngineProcess berthd(Path dir) throws Exception {
        Path socket = dir.resolve("berthd.sock");
        List<String> cmd = BerthdCommand.fromCheckout(BerthdCommand.checkoutRoot(),
                List.of("--host", "unix://" + socket,
                        "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                        "--pidfile", dir.resolve("berthd.pid").toString()));
        return start("berthd", socket, cmd, dir);
    }

    static EngineProcess dockerd(Path dir) throws Exception {
        Path socket = dir.resolve("dockerd.sock");
        List<String> cmd = List.of("dockerd", "--host", "unix://" + socket, "--data-root",
                dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("dockerd.pid").toString(),
                "--iptables=false", "--ip-masq=false", "--bridge=none");
        return start("dockerd", socket, cmd, dir);
    }

    /** dockerd as {@link #dockerd} with {@code --live-restore}: its containers outlive it, as berthd's do. */
    static EngineProcess dockerdLiveRestore(Path dir) throws Exception {
        Path socket = dir.resolve("dockerd.sock");
        List<String> cmd = List.of("dockerd", "--host", "unix://" + socket, "--data-root",
                dir.resolve("data").toString(),
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
        List<String> cmd = List.of("dockerd", "--host", "unix://" + socket, "--data-root",
                dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("dockerd.pid").toString());
        return start("dockerd", socket, cmd, dir);
    }

    private static EngineProcess start(String name, Path socket, List<String> cmd, Path dir) throws Exception {
        Files.createDirectories(dir);
        BerthdProcess process = new BerthdProcess(socket, dir.resolve(name + ".log"), cmd);
        process.start(START_TIMEOUT);
        return new EngineProcess(name, socket, process);
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
        ProcessHandle engine = ProcessHandle.of(process.pid()).orElseThrow();
        long total = rss(engine);
        for (ProcessHandle child : engine.descendants().toList()) {
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
    void stop() {
        try {
            process.stop(Duration.ofSeconds(20));
        } catch (AssertionError stuck) {
            // stop() killed it after the time-out, as a service manager would.
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
