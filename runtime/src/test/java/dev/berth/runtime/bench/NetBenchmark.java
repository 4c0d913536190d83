package dev.berth.runtime.bench;

import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.net.InetSocketAddress;
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
 * ({@code connections} sequential connect/close round trips) to a container, through a published port on 127.0.0.1
 * and on the host's primary address, and directly to the container's IP, on berthd and on the reference dockerd
 * (docker-proxy for 127.0.0.1, DNAT for the host address), all in one run. The container runs {@code net-server.c}
 * (given as a directory with the static binary), which only discards and closes, so the network path is measured.
 */
public final class NetBenchmark {
    private static final int SINK = 5001;
    private static final int RATE = 5002;
    private static final int STREAM_RUNS = 3;

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
        List<Measured> results = new ArrayList<>();
        try (RegistryServer registry = RegistryServer.open()) {
            TestImages.busybox().push(registry, "bench/busybox", "1");
            String ref = registry.host() + "/bench/busybox:1";
            try (EngineProcess berthd = EngineProcess.berthd(work.resolve("berthd"));
                 EngineProcess dockerd = EngineProcess.dockerdWithNetwork(work.resolve("dockerd"))) {
                for (EngineProcess e : List.of(berthd, dockerd)) {
                    check(e.docker("pull", ref), e.name + " pull");
                    check(e.docker("run", "-d", "--name", "netbench", "-p", Integer.toString(SINK), "-p", Integer.toString(RATE),
                            "-v", serverDir + ":/bench:ro", ref, "/bench/netbench-server"), e.name + " run");
                    try {
                        String ip = check(e.docker("inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                                "netbench"), e.name + " inspect").trim();
                        int sink = hostPort(e, SINK);
                        int rate = hostPort(e, RATE);
                        String local = e.name.equals("dockerd") ? "docker-proxy" : "DNAT";
                        List<Target> targets = List.of(
                                new Target(e.name + ": published port, 127.0.0.1 (" + local + ")", "127.0.0.1", sink, rate),
                                new Target(e.name + ": published port, host address (DNAT)", hostIp, sink, rate),
                                new Target(e.name + ": container IP", ip, SINK, RATE));
                        for (Target t : targets) {
                            results.add(measure(t, bytes, connections));
                        }
                    } finally {
                        e.docker("rm", "-f", "netbench");
                    }
                }
            }
        } finally {
            HostFirewall.removeDockerdLeftovers(forwardPolicy);
            new ProcessBuilder("rm", "-rf", work.toString()).start().waitFor();
        }
        print(results, bytes, connections);
    }

    private static Measured measure(Target t, long bytes, int connections) throws Exception {
        InetSocketAddress sink = new InetSocketAddress(t.host(), t.sinkPort());
        InetSocketAddress rate = new InetSocketAddress(t.host(), t.ratePort());
        waitUntilServing(rate);
        stream(sink, 64L << 20);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < STREAM_RUNS; i++) {
            nanos.add(stream(sink, bytes));
        }
        double gbit = bytes * 8 / (RunBenchmark.median(nanos) / 1e9) / 1e9;
        connectAndClose(rate, Math.max(1, connections / 10));
        double perSecond = connections / (connectAndClose(rate, connections) / 1e9);
        System.err.printf(Locale.ROOT, "%s: %.2f Gbit/s, %.0f connections/s%n", t.label(), gbit, perSecond);
        return new Measured(t, gbit, perSecond);
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
        System.out.printf(Locale.ROOT, "| path (host → container) | throughput, %d MiB stream, median of %d | connections/s, %d sequential |%n",
                bytes >> 20, STREAM_RUNS, connections);
        System.out.println("|---|---|---|");
        for (Measured m : r) {
            System.out.printf(Locale.ROOT, "| %s | %.2f Gbit/s | %.0f |%n", m.target().label(), m.gbitPerSecond(), m.connectionsPerSecond());
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
