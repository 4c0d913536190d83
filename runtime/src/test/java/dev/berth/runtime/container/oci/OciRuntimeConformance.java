package dev.berth.runtime.container.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.runtime.container.monitor.AttachConnection;
import dev.berth.runtime.container.monitor.AttachFrame;
import dev.berth.runtime.container.monitor.ConmonMonitor;
import dev.berth.runtime.container.monitor.ContainerLayout;
import dev.berth.runtime.container.monitor.ExecLayout;
import dev.berth.runtime.container.monitor.ExecSession;
import dev.berth.runtime.container.monitor.LogLine;
import dev.berth.runtime.container.monitor.LogQuery;
import dev.berth.runtime.container.monitor.MonitorOptions;
import dev.berth.runtime.container.monitor.MonitoredContainer;
import dev.berth.runtime.linux.CgroupFiles;
import dev.berth.runtime.linux.ProcessLimits;
import dev.berth.runtime.linux.SignalNumbers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link OciRuntime} must do, driven through conmon as the engine does it. A subclass names the
 * runtime; the suite is skipped with the runtime's own reason when it cannot work on this host.
 * Needs root, conmon and /bin/busybox.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class OciRuntimeConformance {
    @TempDir
    static Path shared;
    static Path rootfs;

    protected Path execRoot;
    protected Path dataRoot;
    protected OciRuntime runtime;
    protected ConmonMonitor monitor;
    private final List<String> created = new ArrayList<>();

    /** The runtime under test, keeping its state under {@code execRoot}. */
    protected abstract OciRuntime runtime(Path execRoot);

    @BeforeAll
    static void rootfs() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox");
        if (rootfs == null || !Files.exists(rootfs)) {
            rootfs = BusyboxRootfs.create(shared.resolve("rootfs"));
        }
    }

    @BeforeEach
    void setUp(@TempDir Path temp) {
        execRoot = temp.resolve("run");
        dataRoot = temp.resolve("lib");
        runtime = runtime(execRoot);
        RuntimeUsability usability = runtime.usability();
        assumeTrue(usability.usable(), usability.reason());
        monitor = new ConmonMonitor(ConmonMonitor.findConmon(), runtime);
    }

    @AfterEach
    void cleanUp() {
        for (String id : created) {
            try {
                runtime.delete(id, true);
            } catch (RuntimeException ignored) {
                // already deleted by the test
            }
        }
    }

    // ---- helpers ----

    protected String newId() {
        String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        created.add(id);
        return id;
    }

    protected ContainerSpecOptions.Builder options(String... args) {
        return ContainerSpecOptions.builder().rootfs(rootfs).args(args).cgroupsPath("/berth-it-" + UUID.randomUUID());
    }

    protected MonitoredContainer run(ContainerSpecOptions options, MonitorOptions monitorOptions) {
        String id = newId();
        ContainerLayout layout = ContainerLayout.of(execRoot, dataRoot, id);
        RuntimeSpec spec = new OciSpecBuilder(HostFacts.detect()).build(options);
        MonitoredContainer c = monitor.create(layout, spec, monitorOptions);
        assertEquals("created", runtime.state(id).status());
        runtime.start(id);
        return c;
    }

    protected MonitoredContainer run(ContainerSpecOptions options) {
        return run(options, MonitorOptions.detached("it"));
    }

    private static String readQuietly(Path file) {
        try {
            return String.join(" ", Files.readAllLines(file));
        } catch (IOException e) {
            return "";
        }
    }

    protected int exitOf(MonitoredContainer c) throws Exception {
        return c.onExit().get(30, TimeUnit.SECONDS);
    }

    protected String stdout(MonitoredContainer c) throws IOException {
        StringBuilder out = new StringBuilder();
        for (LogLine line : c.logs().read(LogQuery.all())) {
            if (line.stream() == 1) {
                out.append(line.text());
            }
        }
        return out.toString();
    }

    protected String stderr(MonitoredContainer c) throws IOException {
        StringBuilder out = new StringBuilder();
        c.logs().read(LogQuery.all()).stream().filter(l -> l.stream() == 2).forEach(l -> out.append(l.text()));
        return out.toString();
    }

    // ---- the suite ----

    @Test
    void echoReachesTheLogThroughConmon() throws Exception {
        MonitoredContainer c = run(options("echo", "hi").build());
        assertEquals(0, exitOf(c));
        assertEquals("hi\n", stdout(c));
    }

    @Test
    void exitCodeIsRecorded() throws Exception {
        MonitoredContainer c = run(options("sh", "-c", "echo oops >&2; exit 3").build());
        assertEquals(3, exitOf(c));
        assertEquals("oops\n", stderr(c));
        assertEquals(3, c.exitCode().orElseThrow());
    }

    @Test
    void sigtermGives143() throws Exception {
        // With --init, tini forwards the signal to sleep (PID 1 itself ignores unhandled SIGTERM) and exits 128+15.
        MonitoredContainer c = run(options("sleep", "100").init(true).build());
        // Until tini has blocked its signals and forked sleep, it is a PID 1 without handlers, and the kernel drops a
        // SIGTERM sent to it: wait for its child (seen once in a full run), never for a number of milliseconds.
        Path children = Path.of("/proc", Long.toString(c.pid()), "task", Long.toString(c.pid()), "children");
        dev.berth.testkit.Await.until("tini has forked its child", java.time.Duration.ofSeconds(20),
                () -> !readQuietly(children).isBlank());
        runtime.kill(c.id(), SignalNumbers.SIGTERM, false);
        assertEquals(143, exitOf(c));
    }

    @Test
    void commandIsPidOne() throws Exception {
        MonitoredContainer c = run(options("sh", "-c", "echo $$; read comm < /proc/1/comm; echo $comm").build());
        assertEquals(0, exitOf(c));
        assertEquals("1\nsh\n", stdout(c));
    }

    @Test
    void hostnameIsTheSpecs() throws Exception {
        MonitoredContainer c = run(options("hostname").hostname("berth-box").build());
        assertEquals(0, exitOf(c));
        assertEquals("berth-box\n", stdout(c));
    }

    @Test
    void memoryLimitIsInTheCgroup() throws Exception {
        long limit = 64L * 1024 * 1024;
        MonitoredContainer c = run(options("sleep", "30").memory(limit).build());
        assertEquals(Optional.of(limit), CgroupFiles.memoryLimit(c.pid()));
        long raised = 96L * 1024 * 1024;
        runtime.update(c.id(), new RuntimeSpec.Resources(null, new RuntimeSpec.Memory(raised, null, null), null, null));
        assertEquals(Optional.of(raised), CgroupFiles.memoryLimit(c.pid()));
        runtime.kill(c.id(), SignalNumbers.SIGKILL, false);
        assertEquals(137, exitOf(c));
    }

    @Test
    void openFilesLimitNeverExceedsTheHostHardLimit() throws Exception {
        long hostHard = ProcessLimits.hardLimit("Max open files").orElse(Long.MAX_VALUE);
        MonitoredContainer c = run(options("sh", "-c", "ulimit -Hn; ulimit -Sn").build());
        assertEquals(0, exitOf(c));
        long expected = Math.min(OciSpecBuilder.DEFAULT_NOFILE, hostHard);
        assertEquals(expected + "\n" + expected + "\n", stdout(c));
    }

    @Test
    void readOnlyRootfsRefusesWrites() throws Exception {
        MonitoredContainer c = run(options("sh", "-c", "touch /tmp/x").readonlyRootfs(true).build());
        assertNotEquals(0, exitOf(c));
        assertTrue(stderr(c).contains("Read-only file system"), stderr(c));
    }

    @Test
    void droppedCapabilityIsGone() throws Exception {
        String script = "f=/tmp/chown-$$; touch $f && chown 65534 $f; rc=$?; rm -f $f; exit $rc";
        MonitoredContainer allowed = run(options("sh", "-c", script).build());
        assertEquals(0, exitOf(allowed));
        MonitoredContainer dropped = run(options("sh", "-c", script).capDrop(List.of("chown")).build());
        assertNotEquals(0, exitOf(dropped));
        assertTrue(stderr(dropped).contains("Operation not permitted"), stderr(dropped));
    }

    @Test
    void privilegedHasEveryCapabilityAndHostDevices() throws Exception {
        MonitoredContainer c = run(options("sh", "-c", "grep CapEff /proc/self/status; test -c /dev/kmsg && echo kmsg")
                .privileged(true).build());
        assertEquals(0, exitOf(c));
        // "All" is the engine's own bounding set, which may lack some (this sandbox has no CAP_SYS_RESOURCE).
        String engineBounding = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("CapBnd:")).findFirst().orElseThrow().substring(7).trim();
        assertEquals("CapEff:\t" + engineBounding + "\nkmsg\n", stdout(c));
    }

    @Test
    void ttyThroughTheAttachSocket() throws Exception {
        MonitoredContainer c = run(options("sh").terminal(true).consoleSize(24, 80).build(),
                new MonitorOptions("tty", true, true, false, 0));
        try (AttachConnection attach = c.attach()) {
            attach.write("echo h''i\n".getBytes(StandardCharsets.UTF_8));
            readUntil(attach, "\nhi\r\n"); // the echoed command line, then sh's output
            c.resize(33, 101);
            attach.write("stty size\n".getBytes(StandardCharsets.UTF_8));
            readUntil(attach, "33 101");
            attach.write("exit 4\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(4, exitOf(c));
        }
    }

    @Test
    void containerOutlivesTheProcessThatStartedIt() throws Exception {
        String id = newId();
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), DetachedLauncher.class.getName(),
                runtime.name(), runtime.binary().toString(), execRoot.toString(), dataRoot.toString(),
                rootfs.toString(), id);
        Process launcher = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null && !line.startsWith("started ")) {
            seen.append(line).append('\n');
        }
        assertTrue(line != null, "launcher failed:\n" + seen);
        launcher.destroyForcibly(); // SIGKILL: no shutdown hooks, nothing cleaned up
        assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));

        MonitoredContainer c = MonitoredContainer.reattach(ContainerLayout.of(execRoot, dataRoot, id));
        int before = c.logs().read(LogQuery.all()).size();
        Thread.sleep(1000);
        assertEquals("running", runtime.state(id).status());
        assertTrue(c.monitorAlive());
        assertTrue(c.logs().read(LogQuery.all()).size() > before, "log keeps growing");
        runtime.kill(id, SignalNumbers.SIGKILL, false);
        assertEquals(137, exitOf(c));
        assertEquals(137, c.exitCode().orElseThrow());
    }

    @Test
    void execGetsItsOwnExitCode() throws Exception {
        MonitoredContainer c = run(options("sleep", "60").build());
        OciSpecBuilder builder = new OciSpecBuilder(HostFacts.detect());
        ContainerSpecOptions base = options("sleep", "60").build();

        ExecSession plain = monitor.exec(c.layout(), ExecLayout.of(execRoot, c.id(), "e" + c.id()),
                builder.execProcess(base, List.of("sh", "-c", "echo from-exec; exit 7"), List.of(), null, 0, 0, false),
                false);
        assertEquals(7, plain.onExit().get(30, TimeUnit.SECONDS));
        assertEquals("from-exec\n", plain.logs().read(LogQuery.all()).getFirst().text());
        assertEquals(7, plain.exitCode().orElseThrow());

        ExecSession attached = monitor.exec(c.layout(), ExecLayout.of(execRoot, c.id(), "a" + c.id()),
                builder.execProcess(base, List.of("sh", "-c", "echo attached; echo err >&2"), List.of(), null, 0, 0,
                        false),
                true);
        StringBuilder out = new StringBuilder();
        AttachConnection conn = attached.attachment().orElseThrow();
        Optional<AttachFrame> frame;
        while ((frame = conn.read()).isPresent()) {
            out.append(frame.get().stream()).append(':').append(new String(frame.get().data(), StandardCharsets.UTF_8));
        }
        conn.close();
        assertEquals(0, attached.onExit().get(30, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("1:attached\n"), out.toString());
        assertTrue(out.toString().contains("2:err\n"), out.toString());
        runtime.kill(c.id(), SignalNumbers.SIGKILL, false);
        exitOf(c);
    }

    @Test
    void pauseAndResume() throws Exception {
        MonitoredContainer c = run(options("sleep", "60").build());
        runtime.pause(c.id());
        assertEquals("paused", runtime.state(c.id()).status());
        runtime.resume(c.id());
        assertEquals("running", runtime.state(c.id()).status());
        assertTrue(runtime.ps(c.id()).contains(c.pid()));
        runtime.kill(c.id(), SignalNumbers.SIGKILL, false);
        assertEquals(137, exitOf(c));
    }

    @Test
    void deleteLeavesNoState() throws Exception {
        MonitoredContainer c = run(options("true").build());
        assertEquals(0, exitOf(c));
        assertEquals("stopped", runtime.state(c.id()).status());
        assertTrue(Files.exists(runtime.stateRoot().resolve(c.id())));
        runtime.delete(c.id(), false);
        assertFalse(Files.exists(runtime.stateRoot().resolve(c.id())));
        org.junit.jupiter.api.Assertions.assertThrows(dev.berth.runtime.errors.NotFoundException.class,
                () -> runtime.state(c.id()));
    }

    private static void readUntil(AttachConnection attach, String wanted) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(wanted)) {
            Optional<AttachFrame> frame = attach.read();
            assertTrue(frame.isPresent(), "attach closed before \"" + wanted + "\"; saw: " + seen);
            seen.append(new String(frame.get().data(), StandardCharsets.UTF_8));
        }
    }

}
