package dev.berth.machine.cli;

import dev.berth.machine.BootProgress;
import dev.berth.machine.MachineConfig;
import dev.berth.machine.MachineControl;
import dev.berth.machine.MachineException;
import dev.berth.machine.MachineHost;
import dev.berth.machine.MachinePaths;
import dev.berth.machine.MachineState;
import dev.berth.machine.VmAssets;
import dev.berth.machine.provider.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code berth machine <command> [name]}: {@code start} (with {@code --cpus}, {@code --memory}, {@code --disk},
 * {@code --provider}, {@code --idle-stop} minutes) boots the VM in a detached host process and returns once the engine
 * answers, printing the boot's stages; {@code stop} powers it off cleanly; {@code status}; {@code logs} (the VM's
 * console; {@code -f} follows); {@code shell}, a root shell in the guest with no ssh; {@code rm} deletes it, data disk
 * included. {@code serve} is the host process itself.
 */
public final class MachineCli {
    static final String USAGE = """
            Usage:  berth machine COMMAND [OPTIONS] [NAME]

            The Berth VM: berthd in a small Linux VM, for macOS, Windows and Linux without root.

            Commands:
              start    Boot the VM (--cpus N, --memory MiB, --disk GiB, --provider qemu|vfkit|wsl2|auto, --idle-stop MIN)
              stop     Stop the containers, then power the VM off
              status   Show whether it runs, where its engine socket is, and how it boots
              logs     Show the VM's console (-f to follow)
              shell    Open a root shell inside the VM
              rm       Stop the VM and delete it, data disk included (-f to skip the question)

            With the VM running:  export DOCKER_HOST=unix://$HOME/.berth/run/docker.sock  (or: docker context use berth)
            """;

    private MachineCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            Options o = Options.parse(rest);
            MachinePaths paths = MachinePaths.of(o.name(), env);
            String home = System.getProperty("berth.home", env.getOrDefault("BERTH_INSTALL_DIR", "."));
            MachineControl control = new MachineControl(paths, MachineControl.thisJvm(home));
            return switch (command) {
                case "start" -> start(control, o, out, err);
                case "stop" -> {
                    out.println("Stopping " + o.name() + "…");
                    yield control.stop(Duration.ofSeconds(90)) ? 0 : fail(err, "the machine did not stop within 90 s");
                }
                case "status" -> status(control, out);
                case "logs" -> logs(paths, o.follow(), out);
                case "shell" -> shell(paths, err);
                case "rm" -> {
                    if (!o.force()) {
                        yield fail(err, "this deletes the VM " + o.name() + " and its data disk (images, volumes); run "
                                + "berth machine rm -f " + o.name() + " to confirm");
                    }
                    control.remove(Duration.ofSeconds(90));
                    out.println("Removed " + o.name() + ".");
                    yield 0;
                }
                case "serve" -> serve(control, paths, env, home);
                default -> fail(err, "unknown command " + command + "\n\n" + USAGE);
            };
        } catch (IllegalArgumentException | MachineException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, e.getMessage());
        }
    }

    private static int start(MachineControl control, Options o, PrintStream out, PrintStream err) throws IOException {
        MachineConfig c = configFor(control.config(), o, Files.exists(control.paths().dataDisk()));
        control.saveConfig(c);
        if (control.status().running()) {
            out.println(o.name() + " is already running; its engine: unix://" + control.paths().engineSocket());
            return 0;
        }
        out.println("Starting " + o.name() + " (" + c.cpus() + " CPUs, " + c.memoryMiB() + " MiB, " + c.diskGiB()
                + " GiB disk)…");
        long t0 = System.nanoTime();
        Optional<String> failure = control.start(Duration.ofMinutes(6), stage -> out.println("  " + stage));
        if (failure.isPresent()) {
            return fail(err, failure.get());
        }
        MachineState s = control.status();
        if (!s.message().isEmpty()) {
            out.println("  note: " + s.message());
        }
        out.printf(java.util.Locale.ROOT,
                "%s is running (%.1f s, %s). Its engine: unix://%s%n  export DOCKER_HOST=unix://%s   "
                        + "(or: docker context use %s)%n",
                o.name(), (System.nanoTime() - t0) / 1e9, s.accelerator(),
                control.paths().engineSocket(), control.paths().engineSocket(),
                o.name().equals(MachineConfig.DEFAULT_NAME) ? "berth" : "berth-" + o.name());
        return 0;
    }

    private static int status(MachineControl control, PrintStream out) {
        MachineState s = control.status();
        MachineConfig c = control.config();
        out.println("Name:        " + c.name());
        out.println("State:       " + s.state() + (s.stage().isEmpty() ? "" : " (" + s.stage() + ")"));
        if (!s.message().isEmpty()) {
            out.println("Note:        " + s.message());
        }
        out.println(
                "Size:        " + c.cpus() + " CPUs, " + c.memoryMiB() + " MiB memory, " + c.diskGiB() + " GiB disk");
        out.println("Provider:    " + c.provider() + (s.accelerator().isEmpty() ? "" : " (" + s.accelerator() + ")"));
        out.println("Engine:      unix://" + control.paths().engineSocket());
        if (s.bootMillis() > 0) {
            out.printf(java.util.Locale.ROOT, "Last boot:   %.1f s to the engine's first answer%n",
                    s.bootMillis() / 1000.0);
        }
        return 0;
    }

    private static int logs(MachinePaths paths, boolean follow, PrintStream out) throws IOException {
        Path log = paths.consoleLog();
        if (!Files.exists(log)) {
            out.println("(the VM has not printed anything yet)");
            return 0;
        }
        long pos = 0;
        do {
            try (var ch = Files.newByteChannel(log)) {
                ch.position(pos);
                InputStream in = Channels.newInputStream(ch);
                byte[] bytes = in.readAllBytes();
                out.write(bytes, 0, bytes.length);
                out.flush();
                pos += bytes.length;
            }
            if (follow) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return 0;
                }
            }
        } while (follow);
        return 0;
    }

    /** A root shell in the guest over its virtio console; the terminal goes raw for the session. */
    private static int shell(MachinePaths paths, PrintStream err) throws IOException {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(paths.shellSocket()));
        } catch (IOException e) {
            return fail(err, "the VM is not running (no shell socket at " + paths.shellSocket() + ")");
        }
        boolean tty = System.console() != null;
        if (tty) {
            stty("raw", "-echo");
        }
        try (ch) {
            OutputStream toGuest = Channels.newOutputStream(ch);
            toGuest.write("\n".getBytes());
            Thread up = Thread.ofVirtual().start(() -> {
                try {
                    System.in.transferTo(toGuest);
                } catch (IOException ignored) {
                    // the guest closed the shell
                }
            });
            Channels.newInputStream(ch).transferTo(System.out);
            up.interrupt();
        } finally {
            if (tty) {
                stty("sane");
            }
        }
        return 0;
    }

    private static void stty(String... args) {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        try {
            new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT).start().waitFor();
        } catch (IOException | InterruptedException ignored) {
            // not a terminal after all
        }
    }

    /** The host process: runs the machine until SIGTERM. */
    private static int serve(MachineControl control, MachinePaths paths, Map<String, String> env, String home) {
        MachineConfig c = control.config();
        VmAssets assets = VmAssets.locate(env, home);
        Path share = env.containsKey("BERTH_VM_SHARE") ? Path.of(env.get("BERTH_VM_SHARE"))
                : Path.of(System.getProperty("user.home"));
        String qemuDir = env.getOrDefault("BERTH_QEMU_DIR", "");
        MachineHost host = new MachineHost(paths, c, assets,
                Providers.choose(c.provider(), System.getProperty("os.name"),
                        qemuDir.isBlank() ? null : Path.of(qemuDir)),
                env, share.toString().isBlank() ? null : share,
                idleStop(c, env));
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> host.requestStop());
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> host.requestStop());
        return host.run();
    }

    /** The machine's config with the start command's options applied; a disk that exists can only grow. */
    static MachineConfig configFor(MachineConfig c, Options o, boolean diskExists) {
        int disk = o.disk() == null ? c.diskGiB() : diskExists ? Math.max(o.disk(), c.diskGiB()) : o.disk();
        return new MachineConfig(c.name(), o.cpus() != null ? o.cpus() : c.cpus(),
                o.memory() != null ? o.memory() : c.memoryMiB(),
                disk, o.provider() != null ? o.provider() : c.provider(),
                o.idle() != null ? o.idle() : c.idleMinutes());
    }

    /** The resource saver's delay: the machine's minutes, or {@code BERTH_VM_IDLE_STOP_SECONDS} for a shorter one. */
    static Duration idleStop(MachineConfig c, Map<String, String> env) {
        String seconds = env.getOrDefault("BERTH_VM_IDLE_STOP_SECONDS", "");
        if (!seconds.isBlank()) {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        }
        return Duration.ofMinutes(c.idleMinutes());
    }

    private static int fail(PrintStream err, String message) {
        err.println("berth machine: " + message);
        return 1;
    }

    /** The parsed options of a command. */
    record Options(String name, Integer cpus, Integer memory, Integer disk, String provider, Integer idle,
            boolean follow,
            boolean force) {
        static Options parse(List<String> args) {
            String name = MachineConfig.DEFAULT_NAME;
            Integer cpus = null;
            Integer memory = null;
            Integer disk = null;
            String provider = null;
            Integer idle = null;
            boolean follow = false;
            boolean force = false;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--cpus" -> cpus = number(args, ++i, a);
                    case "--memory" -> memory = number(args, ++i, a);
                    case "--disk" -> disk = number(args, ++i, a);
                    case "--idle-stop" -> idle = number(args, ++i, a);
                    case "--provider" -> provider = value(args, ++i, a);
                    case "-f", "--follow", "--force" -> {
                        follow = true;
                        force = true;
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        name = a;
                    }
                }
            }
            return new Options(name, cpus, memory, disk, provider, idle, follow, force);
        }

        private static String value(List<String> args, int i, String flag) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args.get(i);
        }

        private static Integer number(List<String> args, int i, String flag) {
            try {
                return Integer.parseInt(value(args, i, flag));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number, not " + args.get(i));
            }
        }
    }

    /** For the failure explanation when the console says why. */
    static Optional<String> explain(String console) {
        return BootProgress.failure(console);
    }
}
