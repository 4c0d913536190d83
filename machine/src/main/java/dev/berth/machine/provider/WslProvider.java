package dev.berth.machine.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * WSL2 on Windows. The Berth root is imported once as the distribution {@code berth-<name>}; a start writes the VM
 * token into it and runs its start script as root, which starts berthd with its VM bridge on the WSL address; WSL's
 * localhost forwarding makes both the bridge port and containers' published ports reachable on Windows' loopback, so
 * ports need no forwards of ours.
 */
public final class WslProvider implements VmProvider {

    @Override
    public String name() {
        return "wsl2";
    }

    @Override
    public Availability availability() {
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            return Availability.no("WSL2 runs on Windows only");
        }
        try {
            Process p = new ProcessBuilder(WslCommands.list()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? Availability.yes() : Availability.no("WSL2 is not enabled (wsl --install)");
        } catch (IOException | InterruptedException e) {
            return Availability.no("WSL2 is not installed (wsl --install)");
        }
    }

    static String distro(VmSpec spec) {
        return "berth-" + spec.config().name();
    }

    @Override
    public VmInstance launch(VmSpec spec) throws IOException {
        String distro = distro(spec);
        Process list = new ProcessBuilder(WslCommands.list()).start();
        byte[] raw = list.getInputStream().readAllBytes();
        if (!WslCommands.parseList(raw).containsKey(distro)) {
            run(WslCommands.importDistro(distro, spec.paths().dir().resolve("wsl").toString(),
                    spec.assets().wslTarball().toString()), null);
        }
        run(WslCommands.writeToken(distro), Files.readString(spec.paths().token()));
        Process p = new ProcessBuilder(WslCommands.start(distro)).redirectErrorStream(true)
                .redirectOutput(spec.paths().consoleLog().toFile()).start();
        return new Instance(p, distro);
    }

    private static void run(List<String> command, String stdin) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            try (OutputStream out = p.getOutputStream()) {
                out.write(stdin.getBytes(StandardCharsets.US_ASCII));
            }
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command));
        }
    }

    /** A WSL distribution running berthd. */
    static final class Instance implements VmInstance {
        private final Process process;
        private final String distro;

        Instance(Process process, String distro) {
            this.process = process;
            this.distro = distro;
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
            try {
                run(WslCommands.terminate(distro), null);
                return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        @Override
        public void kill() {
            shutdown(Duration.ofSeconds(5));
            process.destroyForcibly();
        }

        @Override
        public Optional<String> forward(String proto, int hostPort, int guestPort) {
            return Optional.empty(); // WSL's localhost forwarding already does it
        }

        @Override
        public void unforward(String proto, int hostPort) {
            // nothing was added
        }

        @Override
        public long residentBytes() {
            return -1;
        }
    }
}
