package dev.berth.machine.provider;

import dev.berth.machine.bridge.TcpForwarder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vfkit on macOS. The guest's address on vfkit's NAT network is read from the console (init prints it); published
 * ports are forwarded from the host's loopback to it by {@link TcpForwarder}, since vfkit has no port forwards of its
 * own. Stopped through init's control channel over the console-less path: vfkit's REST API ({@code Stop}).
 */
public final class VfkitProvider implements VmProvider {
    private static final Pattern GUEST_IP = Pattern.compile("berth-init: address ([0-9.]+)");

    @Override
    public String name() {
        return "vfkit";
    }

    @Override
    public Availability availability() {
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("mac")) {
            return Availability.no("vfkit runs on macOS only");
        }
        return executable().isPresent() ? Availability.yes()
                : Availability.no("vfkit is not installed (brew install vfkit)");
    }

    /** The vfkit the .dmg bundles ({@code <berth home>/helpers/vfkit}) first, else one on the PATH. */
    static java.util.Optional<Path> executable() {
        Path bundled = Path.of(System.getProperty("berth.home", "."), "helpers", "vfkit");
        if (Files.isExecutable(bundled)) {
            return java.util.Optional.of(bundled);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "vfkit"))) {
                return java.util.Optional.of(Path.of(dir, "vfkit"));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public VmInstance launch(VmSpec spec) throws IOException {
        VfkitCommand command = VfkitCommand.of(spec, executable().map(Path::toString).orElse("vfkit"));
        Process p = new ProcessBuilder(command.argv()).redirectErrorStream(true)
                .redirectOutput(spec.paths().dir().resolve("vfkit.log").toFile()).start();
        return new Instance(p, spec);
    }

    /** The guest's NAT address as its init printed it on the console, or null while it has not yet. */
    static String guestAddress(String console) {
        Matcher m = GUEST_IP.matcher(console);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** A vfkit process. */
    static final class Instance implements VmInstance {
        private final Process process;
        private final VmSpec spec;
        private final Map<String, TcpForwarder> forwards = new ConcurrentHashMap<>();

        Instance(Process process, VmSpec spec) {
            this.process = process;
            this.spec = spec;
        }

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public Optional<Integer> exitCode() {
            return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
        }

        @Override
        public boolean shutdown(Duration grace) {
            process.destroy(); // vfkit stops the VM on SIGTERM (a guest power-off request first)
            try {
                return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void kill() {
            forwards.values().forEach(TcpForwarder::close);
            process.destroyForcibly();
        }

        @Override
        public Optional<String> forward(String proto, int hostPort, int guestPort) {
            if (!proto.equals("tcp")) {
                return Optional.of("only TCP ports are forwarded under vfkit");
            }
            String console;
            try {
                console = Files.readString(spec.paths().consoleLog());
            } catch (IOException e) {
                return Optional.of("the guest's address is not known yet");
            }
            String ip = guestAddress(console);
            if (ip == null) {
                return Optional.of("the guest's address is not known yet");
            }
            try {
                forwards.put(proto + hostPort, TcpForwarder.start(new InetSocketAddress("127.0.0.1", hostPort),
                        new InetSocketAddress(ip, guestPort)));
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e.getMessage());
            }
        }

        @Override
        public void unforward(String proto, int hostPort) {
            TcpForwarder f = forwards.remove(proto + hostPort);
            if (f != null) {
                f.close();
            }
        }

        @Override
        public long residentBytes() {
            return -1;
        }
    }
}
