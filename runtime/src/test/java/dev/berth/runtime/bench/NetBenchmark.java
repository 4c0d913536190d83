package dev.berth.runtime.bench;

import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 4's benchmark: TCP throughput (one stream of {@code bytes}, host → container) and connection rate
 * ({@code connections} sequential connections, each until the server's close, answered with a reset) to a container, through a published port on 127.0.0.1
 * and on the host's primary address, and directly to the container's IP, on berthd and on the reference dockerd
 * (docker-proxy for 127.0.0.1, DNAT for the host address), all in one run. The container runs {@code net-server.c}
 * (given as a directory with the static binary), which only discards and closes, so the network path is measured.
 */
public final class NetBenchmark {
    private static final int SINK = 5001;
    private static final int RATE = 5002;
    private static final int ROUNDS = 5;

    private NetBenchmark() {}

    /** One way to reach the server: label, address, sink port, rate port. */
    record Target(String label, String host, int sinkPort, int ratePort) {}

    /** What was measured for one target. */
    record Measured(Target target, double gbitPerSecond, double connectionsPerSecond) {}

    public static void main(String[] args) throws Exception {
        Path serverDir = Path.of(args[0]).toAbsolutePath();
        long bytes = args.length > 1 ? Long.parseLong(args[1]) : 1L << 30;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        Path work = Files.createTempDirectory("berth-bench-net");
        String hostIp = primaryHostAddress();
        String forwardPolicy = HostFirewall.forwardPolicy();
        List<Measured> results;
        try (RegistryServer registry = RegistryServer.open()) {
            TestImages.busybox().push(registry, "bench/busybox", "1");
            String ref = registry.host() + "/bench/busybox:1";
            try (EngineProcess berthd = EngineProcess.berthd(work.resolve("berthd"));
                    EngineProcess dockerd = EngineProcess.dockerdWithNetwork(work.resolve("dockerd"))) {
                List<Target> targets = new ArrayList<>();
                try {
                    for (EngineProcess e : List.of(berthd, dockerd)) {
                        targets.addAll(serve(e, ref, serverDir, hostIp));
                    }
                    results = measure(targets, bytes, connections);
                } finally {
                    berthd.docker("rm", "-f", "netbench");
                    dockerd.docker("rm", "-f", "netbench");
                }
            }
        } finally {
            HostFirewall.removeDockerdLeftovers(forwardPolicy);
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
        print(results, bytes, connections);
    }

    /** Starts the server container on engine {@code e}; returns its three ways in. */
    private static List<Target> serve(EngineProcess e, String ref, Path serverDir, String hostIp) throws Exception {
        check(e.docker("pull", ref), e.name + " pull");
        check(e.docker("run", "-d", "--name", "netbench", "-p", Integer.toString(SINK), "-p", Integer.toString(RATE),
                "-v", serverDir + ":/bench:ro", ref, "/bench/netbench-server"), e.name + " run");
        String ip = check(e.docker("inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                "netbench"), e.name + " inspect").trim();
        int sink = hostPort(e, SINK);
        int rate = hostPort(e, RATE);
        String local = e.name.equals("dockerd") ? "docker-proxy" : "DNAT";
        return List.of(
                new Target(e.name + ": published port, 127.0.0.1 (" + local + ")", "127.0.0.1", sink, rate),
                new Target(e.name + ": published port, host address (DNAT)", hostIp, sink, rate),
                new Target(e.name + ": container IP", ip, SINK, RATE));
    }

    /**
     * Rounds over all targets, one stream and one batch of connections per target per round, so that load from
     * elsewhere on the machine falls on every target alike; the median round counts.
     */
    private static List<Measured> measure(List<Target> targets, long bytes, int connections) throws Exception {
        List<List<Long>> streams = new ArrayList<>();
        List<List<Long>> batches = new ArrayList<>();
        for (Target t : targets) {
            InetSocketAddress rate = new InetSocketAddress(t.host(), t.ratePort());
            waitUntilServing(rate);
            stream(new InetSocketAddress(t.host(), t.sinkPort()), 64L << 20);
            connectAndClose(rate, Math.max(1, connections / 10));
            streams.add(new ArrayList<>());
            batches.add(new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                streams.get(i).add(stream(new InetSocketAddress(t.host(), t.sinkPort()), bytes));
                batches.get(i).add(connectAndClose(new InetSocketAddress(t.host(), t.ratePort()), connections));
            }
        }
        List<Measured> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            double gbit = bytes * 8 / (RunBenchmark.median(streams.get(i)) / 1e9) / 1e9;
            double perSecond = connections / (RunBenchmark.median(batches.get(i)) / 1e9);
            System.err.printf(Locale.ROOT, "%s: %.2f Gbit/s, %.0f connections/s%n", targets.get(i).label(), gbit,
                    perSecond);
            out.add(new Measured(targets.get(i), gbit, perSecond));
        }
        return out;
    }

    /** Streams {@code bytes} to the sink and waits until it has read them all (its close after our EOF); nanoseconds. */
    static long stream(InetSocketAddress to, long bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        long start = System.nanoTime();
        try (SocketChannel ch = SocketChannel.open(to)) {
            long left = bytes;
            while (left > 0) {
                buf.clear().limit((int) Math.min(buf.capacity(), left));
                left -= ch.write(buf);
            }
            ch.shutdownOutput();
            buf.clear();
            while (ch.read(buf) >= 0) {
                buf.clear();
            }
        }
        return System.nanoTime() - start;
    }

    /** {@code n} sequential connections, each until the server has closed it; nanoseconds in all. */
    static long connectAndClose(InetSocketAddress to, int n) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (SocketChannel ch = SocketChannel.open(to)) {
                while (ch.read(one.clear()) >= 0) {
                    // the server sends nothing; wait for its close
                }
                // Answer its FIN with a reset: no TIME_WAIT in the container nor in conntrack, so the next rounds'
                // reuse of the same addresses and ports measures the path, not collisions with old connections.
                ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        }
        return System.nanoTime() - start;
    }

    private static void waitUntilServing(InetSocketAddress to) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        IOException last = null;
        while (System.nanoTime() < end) {
            try {
                connectAndClose(to, 1);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("no server at " + to, last);
    }

    private static int hostPort(EngineProcess e, int containerPort) throws Exception {
        String out = check(e.docker("port", "netbench", containerPort + "/tcp"), e.name + " port");
        Matcher m = Pattern.compile("0\\.0\\.0\\.0:(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException(e.name + ": no IPv4 host port in: " + out);
        }
        return Integer.parseInt(m.group(1));
    }

    static String primaryHostAddress() throws Exception {
        Process p = new ProcessBuilder("ip", "-4", "-o", "route", "get", "1.1.1.1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = Pattern.compile("\\bsrc (\\S+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no primary host address in: " + out);
        }
        return m.group(1);
    }

    private static String check(EngineProcess.Result r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + r.output());
        }
        return r.output();
    }

    private static void print(List<Measured> r, long bytes, int connections) {
        System.out.printf(Locale.ROOT,
                "| path (host → container), median of %d rounds | throughput, one %d MiB stream | connections/s, %d sequential |%n",
                ROUNDS, bytes >> 20, connections);
        System.out.println("|---|---|---|");
        for (Measured m : r) {
            System.out.printf(Locale.ROOT, "| %s | %.2f Gbit/s | %.0f |%n", m.target().label(), m.gbitPerSecond(),
                    m.connectionsPerSecond());
        }
        System.out.println();
        System.out.println("| ratio | throughput | connections/s |");
        System.out.println("|---|---|---|");
        ratio("berthd published (127.0.0.1) / berthd container IP", r.get(0), r.get(2));
        ratio("berthd published (host address) / berthd container IP", r.get(1), r.get(2));
        ratio("berthd / dockerd, published port on 127.0.0.1", r.get(0), r.get(3));
        ratio("berthd / dockerd, published port on the host address", r.get(1), r.get(4));
        ratio("berthd / dockerd, container IP", r.get(2), r.get(5));
    }

    private static void ratio(String label, Measured a, Measured b) {
        System.out.printf(Locale.ROOT, "| %s | %.2f× | %.2f× |%n", label, a.gbitPerSecond() / b.gbitPerSecond(),
                a.connectionsPerSecond() / b.connectionsPerSecond());
    }
}
