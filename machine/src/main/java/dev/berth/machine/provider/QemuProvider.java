package dev.berth.machine.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * QEMU, on any OS: starts {@link QemuCommand} as a child process (its own output to a log file), changes port
 * forwards through QMP, and powers the guest off through init's control channel, with ACPI and then {@code quit} as
 * fallbacks.
 */
public final class QemuProvider implements VmProvider {
    private final Path binaryDir;

    /** @param binaryDir where the QEMU programs are (a bundled copy), or null to use the PATH */
    public QemuProvider(Path binaryDir) {
        this.binaryDir = binaryDir;
    }

    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public Availability availability() {
        String program = "qemu-system-"
                + (dev.berth.machine.VmAssets.hostArch().equals("aarch64") ? "aarch64" : "x86_64");
        return resolve(program) != null ? Availability.yes()
                : Availability.no(program + " is not installed (on Debian/Ubuntu: apt-get install qemu-system-x86)");
    }

    private String resolve(String program) {
        if (binaryDir != null && Files.isExecutable(binaryDir.resolve(program))) {
            return binaryDir.resolve(program).toString();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    @Override
    public VmInstance launch(VmSpec spec) throws IOException {
        QemuCommand command = QemuCommand.of(spec);
        String program = resolve(command.binary());
        if (program == null) {
            throw new IOException(availability().reason());
        }
        var argv = new java.util.ArrayList<>(command.argv());
        argv.set(0, program);
        Path log = spec.paths().dir().resolve("qemu.log");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new Instance(p, spec, log);
    }

    /** A QEMU process. */
    static final class Instance implements VmInstance {
        private final Process process;
        private final VmSpec spec;
        private final Path log;

        Instance(Process process, VmSpec spec, Path log) {
            this.process = process;
            this.spec = spec;
            this.log = log;
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
            if (!process.isAlive()) {
                return true;
            }
            long half = grace.toMillis() / 2;
            if (control("poweroff") && waitExit(half)) {
                return true;
            }
            try (Qmp qmp = Qmp.connect(spec.paths().qmpSocket())) {
                qmp.powerdown();
            } catch (IOException e) {
                // QMP gone: nothing left to ask
            }
            return waitExit(half);
        }

        @Override
        public boolean control(String line) {
            return ControlChannel.send(spec.paths().controlSocket(), line);
        }

        private boolean waitExit(long millis) {
            try {
                return process.waitFor(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void kill() {
            try (Qmp qmp = Qmp.connect(spec.paths().qmpSocket())) {
                qmp.quit();
            } catch (IOException e) {
                // fall through to the signal
            }
            if (!waitExit(2000)) {
                process.destroyForcibly();
                waitExit(5000);
            }
        }

        @Override
        public Optional<String> forward(String proto, int hostPort, int guestPort) {
            try (Qmp qmp = Qmp.connect(spec.paths().qmpSocket())) {
                String answer = qmp.human("hostfwd_add net0 " + proto + ":127.0.0.1:" + hostPort + "-:" + guestPort);
                return answer.isBlank() ? Optional.empty() : Optional.of(answer.strip());
            } catch (IOException e) {
                return Optional.of(e.getMessage());
            }
        }

        @Override
        public void unforward(String proto, int hostPort) {
            try (Qmp qmp = Qmp.connect(spec.paths().qmpSocket())) {
                qmp.human("hostfwd_remove net0 " + proto + ":127.0.0.1:" + hostPort);
            } catch (IOException e) {
                // the VM is going away; its forwards go with it
            }
        }

        @Override
        public long residentBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }

        /** QEMU's own messages (bad arguments, a missing file), to explain a VM that never started. */
        String qemuLog() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "";
            }
        }
    }
}
