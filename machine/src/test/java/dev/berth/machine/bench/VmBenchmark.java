package dev.berth.machine.bench;

import dev.berth.machine.MachineConfig;
import dev.berth.machine.MachineControl;
import dev.berth.machine.MachinePaths;
import dev.berth.machine.VmAssets;
import dev.berth.machine.bridge.GuestConnector;
import dev.berth.machine.bridge.SocketBridge;
import dev.berth.machine.provider.Accelerator;
import dev.berth.machine.provider.QemuCommand;
import dev.berth.machine.provider.VmSpec;
import dev.berth.testkit.BerthdCommand;
import dev.berth.testkit.BerthdExtension;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's benchmark, in one run: the floor (the VM's kernel and initramfs booting to a shell under TCG), boot to a
 * {@code /_ping} answer through the host socket (first start with its disk format, then warm starts), the idle VM's
 * memory on the host, and {@code docker run --rm IMG true} through the bridge against berthd on the host next to the
 * same without it (the bridge's own cost, apart from the VM's CPU emulation). Prints Markdown for docs/benchmarks.md.
 */
public final class VmBenchmark {
    private VmBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path root = BerthdCommand.checkoutRoot();
        Path work = Files.createTempDirectory("berth-bench-vm");
        try {
            VmAssets assets = VmAssets.locate(Map.of(), root.toString());
            assets.verify(false);
            List<Double> floor = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                floor.add(floor(work, assets));
            }
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("BERTH_HOME", work.resolve("home").toString());
            env.put("BERTH_VM_ACCEL", "tcg");
            env.put("BERTH_VM_SHARE", Files.createDirectories(work.resolve("share")).toString());
            MachinePaths paths = MachinePaths.of(MachineConfig.DEFAULT_NAME, env);
            MachineControl machine = new MachineControl(paths, hostCommand(root));
            machine.saveConfig(MachineConfig.defaults());
            double first = start(machine);
            double firstQemu = machine.status().bootMillis() / 1000.0;
            List<Double> warm = new ArrayList<>();
            List<Double> warmQemu = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                machine.stop(Duration.ofMinutes(2));
                warm.add(start(machine));
                warmQemu.add(machine.status().bootMillis() / 1000.0);
            }
            Thread.sleep(60_000); // idle: let the guest settle and hand free pages back
            long qemuRss = rss(Long.parseLong(Files.readString(paths.qemuPidFile()).strip()));
            long hostRss = rss(machine.status().hostPid());
            machine.stop(Duration.ofMinutes(2));

            double[] bridge = bridgeVsDirect(root, work, 21);

            System.out.println("| metric | Berth VM | floor / reference | ratio |");
            System.out.println("|---|---|---|---|");
            double fl = median(floor);
            System.out.printf(Locale.ROOT,
                    "| boot to `/_ping` through the host socket, first start (formats the disk), TCG | %.1f s | floor %.1f s | floor + %.1f s |%n",
                    first, fl, first - fl);
            System.out.printf(Locale.ROOT,
                    "| boot to `/_ping`, warm start (median of %d), TCG | %.1f s (QEMU start → ping %.1f s) | floor %.1f s | floor + %.1f s |%n",
                    runs, median(warm), median(warmQemu), fl, median(warm) - fl);
            System.out.printf(Locale.ROOT,
                    "| idle VM's memory on the host after 60 s (QEMU RSS; + host process) | %d MiB (+ %d MiB) | goal ≤ 300 MiB | |%n",
                    qemuRss >> 20, hostRss >> 20);
            System.out.printf(Locale.ROOT,
                    "| `docker run --rm IMG true` through the bridge → berthd on this host (median of 21) | %.0f ms | direct %.0f ms | %.2f× |%n",
                    bridge[0], bridge[1], bridge[0] / bridge[1]);
            System.out.printf(Locale.ROOT, "%nFirst start's QEMU launch → ping: %.1f s. Floor runs: %s s.%n", firstQemu,
                    floor);
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).inheritIO().start().waitFor();
        }
    }

    /** The host process command, as the CLI would launch it, on this JVM's class path. */
    private static List<String> hostCommand(Path root) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx96m",
                "--enable-native-access=ALL-UNNAMED",
                "-Dberth.home=" + root, "-cp", System.getProperty("java.class.path"),
                "dev.berth.machine.cli.MachineCli", "serve");
    }

    private static double start(MachineControl machine) throws IOException {
        long t0 = System.nanoTime();
        var failure = machine.start(Duration.ofMinutes(6), s -> {});
        if (failure.isPresent()) {
            throw new IllegalStateException("the VM did not start: " + failure.get());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The same kernel and initramfs, told to stop at the initramfs's first line: QEMU start to that line. */
    private static double floor(Path work, VmAssets assets) throws Exception {
        Path dir = Files.createDirectories(work.resolve("floor"));
        Map<String, String> env = Map.of("BERTH_HOME", dir.toString());
        MachinePaths paths = MachinePaths.of("floor", env);
        Files.createDirectories(paths.dir());
        Files.writeString(paths.token(), "0".repeat(64));
        new java.io.RandomAccessFile(paths.dataDisk().toFile(), "rw").setLength(1L << 30);
        List<String> argv = new ArrayList<>(
                QemuCommand.of(new VmSpec(MachineConfig.defaults(), paths, assets, Accelerator.TCG,
                        freePort(), null)).argv());
        int append = argv.indexOf("-append") + 1;
        argv.set(append, argv.get(append) + " berth.floor");
        Files.deleteIfExists(paths.consoleLog());
        long t0 = System.nanoTime();
        Process qemu = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.out").toFile()).start();
        try {
            dev.berth.testkit.Await.until("the floor boot to reach its shell", Duration.ofMinutes(2),
                    () -> reachedFloor(paths) || !qemu.isAlive(), () -> readQuietly(dir.resolve("qemu.out")));
            if (!reachedFloor(paths)) {
                throw new IllegalStateException(
                        "the floor boot did not reach its shell: " + readQuietly(dir.resolve("qemu.out")));
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            qemu.destroyForcibly().waitFor();
        }
    }

    private static boolean reachedFloor(MachinePaths paths) {
        return readQuietly(paths.consoleLog()).contains("berth-init: floor");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * berthd on this host with its VM bridge on loopback, reached once through a {@link SocketBridge} (as the Berth
     * VM's engine is) and once on its own socket: the same docker command each way.
     */
    private static double[] bridgeVsDirect(Path root, Path work, int runs) throws Exception {
        Path tokenFile = work.resolve("vm-token");
        String token = "b".repeat(64);
        Files.writeString(tokenFile, token);
        int port = freePort();
        Path bridged = work.resolve("bridge/docker.sock");
        try (BerthdExtension berthd = BerthdExtension.fromCheckout()
                .withArgs("--vm-bridge", "tcp://127.0.0.1:" + port, "--vm-token-file", tokenFile.toString()).startNow();
                SocketBridge bridge = SocketBridge.start(bridged, () -> GuestConnector.tcp("127.0.0.1", port, token))) {
            Path socket = berthd.socket();
            Path tar = work.resolve("image.tar");
            TestImages.busybox().writeArchive(tar, "bench/busybox:vm");
            docker(socket, "load", "-i", tar.toString());
            List<Long> through = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            docker(bridged, "run", "--rm", "--network", "none", "bench/busybox:vm", "true");
            docker(socket, "run", "--rm", "--network", "none", "bench/busybox:vm", "true");
            for (int i = 0; i < runs; i++) {
                through.add(docker(bridged, "run", "--rm", "--network", "none", "bench/busybox:vm", "true"));
                direct.add(docker(socket, "run", "--rm", "--network", "none", "bench/busybox:vm", "true"));
            }
            return new double[]{medianLong(through) / 1e6, medianLong(direct) / 1e6};
        }
    }

    private static long docker(Path socket, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker", "-H", "unix://" + socket));
        argv.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(argv + " failed: " + out);
        }
        return System.nanoTime() - t0;
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double medianLong(List<Long> v) {
        return median(v.stream().map(Long::doubleValue).toList());
    }
}
