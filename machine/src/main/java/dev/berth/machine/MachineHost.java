package dev.berth.machine;

import dev.berth.machine.bridge.DockerContext;
import dev.berth.machine.bridge.GuestApi;
import dev.berth.machine.bridge.GuestConnector;
import dev.berth.machine.bridge.NamedPipeBridge;
import dev.berth.machine.bridge.PortForwards;
import dev.berth.machine.bridge.SocketBridge;
import dev.berth.machine.provider.Accelerator;
import dev.berth.machine.provider.VmInstance;
import dev.berth.machine.provider.VmProvider;
import dev.berth.machine.provider.VmSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The process that owns one machine while it runs ({@code berth machine serve}): boots the VM (retrying under TCG when
 * a hardware accelerator shows no sign of life), waits for berthd inside to answer, serves the engine socket on the
 * host, forwards published ports, writes the docker context, keeps the guest clock right after the host slept, stops
 * an idle VM when the resource saver is on (the next connection starts it again), and powers the VM off cleanly —
 * containers stopped first — when asked. Its state goes to {@code state.json}.
 */
public final class MachineHost {
    private static final System.Logger LOG = System.getLogger("berth.machine");
    /** A working hypervisor brings the initramfs's first line in under a second; TCG in about two. */
    private static final Duration SIGN_OF_LIFE = Duration.ofSeconds(8);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    // A hardware-accelerated boot answers in seconds; two minutes without an answer is a hypervisor that hangs.
    private static final Duration HARDWARE_READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final MachinePaths paths;
    private final MachineFiles files;
    private final MachineConfig config;
    private final VmAssets assets;
    private final VmProvider provider;
    private final Map<String, String> env;
    private final Path homeShare;
    private final Duration idleStop;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile VmInstance vm;
    private volatile MachineState state;
    private volatile PortForwards forwards;
    private volatile NamedPipeBridge pipe;
    /** The resource saver stopped the VM: the next connection boots it again (a VM that died is not). */
    private volatile boolean idleStopped;
    private GuestConnector connector;
    private Accelerator accelerator;

    /**
     * @param homeShare the host folder the guest mounts at the same path, or null
     * @param idleStop  stop the VM after this long without connections or running containers; zero for never
     */
    public MachineHost(MachinePaths paths, MachineConfig config, VmAssets assets, VmProvider provider,
            Map<String, String> env,
            Path homeShare, Duration idleStop) {
        this.paths = paths;
        this.files = new MachineFiles(paths);
        this.config = config;
        this.assets = assets;
        this.provider = provider;
        this.env = env;
        this.homeShare = homeShare;
        this.idleStop = idleStop;
    }

    /** Runs until {@link #requestStop()} or the VM dies; returns 0 after a clean stop, 1 after a failure. */
    public int run() {
        try (FileChannel lockFile = FileChannel.open(Files.createDirectories(paths.dir()).resolve("host.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                // Another host process owns the machine: say so, and leave its state file alone.
                System.err.println("berth machine: the machine " + config.name() + " is already running");
                return 1;
            }
            return serve();
        } catch (IOException e) {
            fail("cannot lock the machine's directory: " + e.getMessage());
            return 1;
        } catch (MachineException e) {
            fail(e.getMessage());
            return 1;
        }
    }

    private int serve() throws IOException {
        state = new MachineState("starting", "Checking the VM image", "", ProcessHandle.current().pid(), 0,
                paths.engineSocket().toString(), "", 0, System.currentTimeMillis());
        state.write(paths.state());
        var available = provider.availability();
        if (!available.available()) {
            throw new MachineException(available.reason());
        }
        assets.verify(provider.name().equals("wsl2"));
        files.prepareDisk(config.diskGiB());
        String token = files.token();
        int port = freePort();
        connector = GuestConnector.tcp("127.0.0.1", port, token);
        accelerator = Accelerator.choose(env);
        String hung = files.hungAccelerator();
        String accelNote = "";
        if (accelerator.hardware() && accelerator.qemuName().equals(hung) && !env.containsKey("BERTH_VM_ACCEL")) {
            accelerator = accelerator.fallback();
            accelNote = hung.toUpperCase(java.util.Locale.ROOT) + " did not run this VM before; using TCG (delete "
                    + paths.hungAccelerator()
                    + " or set BERTH_VM_ACCEL=" + hung + " to try it again).";
            LOG.log(System.Logger.Level.INFO, accelNote);
        }
        state = new MachineState("starting", "Starting the VM", accelNote, ProcessHandle.current().pid(), port,
                paths.engineSocket().toString(), accelerator.qemuName(), 0, System.currentTimeMillis());
        state.write(paths.state());
        boot(port);
        SocketBridge bridge = SocketBridge.start(paths.engineSocket(), this::ensureRunning);
        String dockerHost = "unix://" + paths.engineSocket();
        if (System.getProperty("os.name").startsWith("Windows")) {
            // The docker CLI on Windows speaks named pipes; the unix socket stays for WSL and Java clients.
            pipe = NamedPipeBridge.start(NamedPipeBridge.DEFAULT_PIPE, this::ensureRunning);
            dockerHost = NamedPipeBridge.dockerHost(NamedPipeBridge.DEFAULT_PIPE);
        }
        try {
            DockerContext.write(DockerContext.configDir(env), contextName(), dockerHost, "Berth VM " + config.name());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the docker context: " + e.getMessage());
        }
        startForwards();
        return watch(bridge);
    }

    private final java.util.concurrent.atomic.AtomicBoolean died = new java.util.concurrent.atomic.AtomicBoolean();

    /** Records once why the machine ended (the state file says it before any client learns the VM is gone). */
    private void diedUnexpectedly(VmInstance current) {
        if (died.compareAndSet(false, true)) {
            fail("the VM stopped unexpectedly (" + provider.name() + " exited with status "
                    + current.exitCode().orElse(-1) + ")"
                    + files.consoleTail());
        }
    }

    private void closePipe() {
        if (pipe != null) {
            pipe.close();
        }
    }

    private String contextName() {
        return config.name().equals(MachineConfig.DEFAULT_NAME) ? "berth" : "berth-" + config.name();
    }

    /** Boots the VM and waits until the engine answers; the state file follows the boot's stages. */
    private synchronized void boot(int port) throws IOException {
        long started = System.nanoTime();
        Files.deleteIfExists(paths.consoleLog());
        vm = provider.launch(spec(port, accelerator));
        if (accelerator.hardware() && !signOfLife()) {
            // A hypervisor that is there but does not run guests (seen on cloud machines with a paravirtual /dev/kvm).
            fallBackToSoftware(port, !vm.alive() ? "could not run the VM (QEMU stopped at once)"
                    : "showed no sign of life in " + SIGN_OF_LIFE.toSeconds() + " s");
        }
        GuestApi api = new GuestApi(connector);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long hardwareDeadline = System.nanoTime() + HARDWARE_READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String console = files.console();
            if (accelerator.hardware() && (BootProgress.cpuStuck(console) || System.nanoTime() > hardwareDeadline)) {
                // It booted, then hung: the same half-working hypervisor, found later (seen in CI on this kind of host).
                fallBackToSoftware(port,
                        BootProgress.cpuStuck(console) ? "started the VM, but its CPUs stopped (soft lockup)"
                                : "started the VM, but its engine did not answer within "
                                        + HARDWARE_READY_TIMEOUT.toSeconds() + " s");
                deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
                continue;
            }
            var failure = BootProgress.failure(console);
            if (failure.isPresent()) {
                vm.kill();
                throw new MachineException(failure.get());
            }
            if (!vm.alive()) {
                throw new MachineException("the VM stopped while booting (" + provider.name() + " exited with status "
                        + vm.exitCode().orElse(-1) + ")" + MachineFiles.tailNote(console));
            }
            if (api.ping()) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                String note = BootProgress.warning(console)
                        .map(w -> state.message().isEmpty() ? w : state.message() + " " + w)
                        .orElse(state.message());
                state = new MachineState("running", "", note, state.hostPid(), port, state.socket(),
                        accelerator.qemuName(), millis, System.currentTimeMillis());
                state.write(paths.state());
                LOG.log(System.Logger.Level.INFO, "the engine in the VM answers after " + millis + " ms");
                return;
            }
            String stage = BootProgress.stage(console);
            if (!stage.equals(state.stage())) {
                state = state.with("starting", stage, state.message());
                state.write(paths.state());
            }
            sleep(250);
        }
        vm.kill();
        throw new MachineException(
                "the engine in the VM did not answer within " + READY_TIMEOUT.toMinutes() + " minutes"
                        + files.consoleTail());
    }

    /** Kills the VM under the hypervisor that failed it, remembers that, and boots it again under TCG. */
    private void fallBackToSoftware(int port, String why) throws IOException {
        vm.kill();
        String note = accelerator.qemuName().toUpperCase(java.util.Locale.ROOT) + " " + why
                + "; running under TCG, QEMU's own CPU emulation, which is slower.";
        LOG.log(System.Logger.Level.WARNING, note);
        files.rememberHungAccelerator(accelerator.qemuName());
        accelerator = accelerator.fallback();
        state = new MachineState("starting", "Starting the VM", note, state.hostPid(), port, state.socket(),
                accelerator.qemuName(), 0, System.currentTimeMillis());
        state.write(paths.state());
        Files.deleteIfExists(paths.consoleLog());
        vm = provider.launch(spec(port, accelerator));
    }

    private boolean signOfLife() {
        long deadline = System.nanoTime() + SIGN_OF_LIFE.toNanos();
        while (System.nanoTime() < deadline && vm.alive()) {
            if (BootProgress.alive(files.console())) {
                return true;
            }
            sleep(200);
        }
        return BootProgress.alive(files.console());
    }

    private VmSpec spec(int port, Accelerator accel) {
        return new VmSpec(config, paths, assets, accel, port, homeShare);
    }

    /** The bridge's guest: a VM the resource saver stopped is started again by the next connection. */
    private GuestConnector ensureRunning() throws IOException {
        synchronized (this) {
            if (vm == null || !vm.alive()) {
                if (stop.getCount() == 0) {
                    throw new IOException("the machine is stopping");
                }
                if (!idleStopped) {
                    // Died, not put to sleep: that is reported (and the machine ends), not hidden by a quiet reboot.
                    if (vm != null) {
                        diedUnexpectedly(vm);
                    }
                    throw new IOException("the VM stopped unexpectedly");
                }
                idleStopped = false;
                LOG.log(System.Logger.Level.INFO, "a connection arrived while the VM was stopped: starting it");
                boot(state.apiPort());
                startForwards();
            }
        }
        return connector;
    }

    private void startForwards() {
        if (forwards != null) {
            forwards.close();
        }
        VmInstance instance = vm;
        forwards = new PortForwards(new GuestApi(connector), new PortForwards.Mapper() {
            @Override
            public java.util.Optional<String> forward(String proto, int hostPort, int guestPort) {
                return instance.forward(proto, hostPort, guestPort);
            }

            @Override
            public void unforward(String proto, int hostPort) {
                instance.unforward(proto, hostPort);
            }
        }, warning -> LOG.log(System.Logger.Level.WARNING, warning)).start();
    }

    /** Waits for a stop request or the VM's death, minding the clock and the resource saver meanwhile. */
    private int watch(SocketBridge bridge) {
        ClockWatch clock = new ClockWatch();
        try {
            // A second is soon enough to notice a dead VM and cheap to check; the rest is looked at every few.
            int tick = 0;
            while (!stop.await(1, TimeUnit.SECONDS)) {
                VmInstance current = vm;
                if (current != null && !current.alive() && !idleStopped) {
                    diedUnexpectedly(current);
                    bridge.close();
                    closePipe();
                    return 1;
                }
                if (++tick % 5 != 0) {
                    continue;
                }
                if (current != null && current.alive() && clock.jumped()) {
                    control("settime " + System.currentTimeMillis() / 1000);
                }
                if (idleIsOver(bridge)) {
                    LOG.log(System.Logger.Level.INFO, "stopping the idle VM (resource saver)");
                    idleStopped = true;
                    stopVm();
                    state = state.with("stopped", "", "stopped while idle; the next docker command starts it again");
                    state.write(paths.state());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = state.with("stopping", "", "");
        state.write(paths.state());
        bridge.close();
        closePipe();
        stopVm();
        state = MachineState.stopped();
        state.write(paths.state());
        return 0;
    }

    private boolean idleIsOver(SocketBridge bridge) {
        if (idleStop.isZero() || vm == null || !vm.alive() || bridge.openConnections() > 0) {
            return false;
        }
        if (System.nanoTime() - bridge.lastActivityNanos() < idleStop.toNanos()) {
            return false;
        }
        try {
            return new GuestApi(connector).call("GET", "/containers/json").json().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the containers, then powers the VM off; kills it if it does not go in time. */
    private synchronized void stopVm() {
        if (forwards != null) {
            forwards.close();
        }
        VmInstance current = vm;
        if (current == null || !current.alive()) {
            return;
        }
        GuestApi api = new GuestApi(connector);
        try {
            for (var c : api.call("GET", "/containers/json").json()) {
                api.call("POST", "/containers/" + c.path("Id").asText() + "/stop?t=10");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot stop the containers before the power-off: " + e.getMessage());
        }
        if (!current.shutdown(STOP_GRACE)) {
            LOG.log(System.Logger.Level.WARNING,
                    "the VM did not power off in " + STOP_GRACE.toSeconds() + " s; ending it");
            current.kill();
        }
    }

    /** Asks the host process to stop the machine cleanly (the CLI's and the app's stop send SIGTERM, which calls this). */
    public void requestStop() {
        stop.countDown();
    }

    private void control(String line) {
        VmInstance current = vm;
        if (current != null) {
            current.control(line);
        }
    }

    private void fail(String reason) {
        LOG.log(System.Logger.Level.ERROR, reason);
        MachineState base = state != null ? state : MachineState.stopped();
        base.failed(ProcessHandle.current().pid(), reason).write(paths.state());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
