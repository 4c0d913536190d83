package dev.berth.machine.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Berth VM for integration tests, driven the way a person does: {@code berth machine …} (this module's CLI on the
 * test's class path) with its own {@code BERTH_HOME}, a shared folder standing in for the home directory, and its
 * own {@code DOCKER_CONFIG} so the docker context it writes stays out of the machine's. The image comes from
 * {@code vm-assets/build}, which is cached and returns at once when nothing changed.
 */
final class BerthVm implements AutoCloseable {
    static final Duration BOOT = Duration.ofMinutes(6);

    final Path home;
    final Path share;
    final Path dockerConfig;
    final String name;
    private final Map<String, String> env = new HashMap<>();

    BerthVm(Path dir, String name) throws IOException {
        this.home = Files.createDirectories(dir.resolve("berth-home"));
        this.share = Files.createDirectories(dir.resolve("share"));
        this.dockerConfig = Files.createDirectories(dir.resolve("docker-config"));
        this.name = name;
        env.put("BERTH_HOME", home.toString());
        env.put("BERTH_VM_SHARE", share.toString());
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("DOCKER_HOST", "unix://" + socket());
    }

    /** The checkout this test runs in (machine/ is one of its modules). */
    static Path checkout() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.isDirectory(dir.resolve("vm-assets")) ? dir : dir.getParent();
    }

    /** Builds (or finds cached) the VM image; its log goes to target/vm-assets-build.log. */
    static void buildAssets() {
        Path log = Path.of("target", "vm-assets-build.log").toAbsolutePath();
        Run r = Run.of(Map.of(), Duration.ofMinutes(20), List.of("bash", "-c",
                "\"$0\"/vm-assets/build > \"$1\" 2>&1; s=$?; tail -5 \"$1\"; exit $s", checkout().toString(),
                log.toString()));
        assertTrue(r.ok(), "vm-assets/build failed (see " + log + "):\n" + r);
    }

    Map<String, String> env() {
        return env;
    }

    BerthVm with(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** The engine socket on the host: {@code run/docker.sock} for the default machine, {@code run/<name>.sock} else. */
    Path socket() {
        return dev.berth.machine.MachinePaths.of(name, Map.of("BERTH_HOME", home.toString())).engineSocket();
    }

    Path machineDir() {
        return home.resolve("machines").resolve(name);
    }

    /** {@code berth machine ARGS… NAME}. */
    Run machine(Duration timeout, String... args) {
        List<String> argv = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-Dberth.home=" + checkout(), "-cp",
                System.getProperty("java.class.path"),
                "dev.berth.machine.cli.MachineCli"));
        argv.addAll(List.of(args));
        argv.add(name);
        return Run.of(env, timeout, argv);
    }

    Run start(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "start";
        System.arraycopy(options, 0, args, 1, options.length);
        return machine(BOOT, args);
    }

    Run docker(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        return Run.of(env, Duration.ofMinutes(5), argv);
    }

    /** {@code docker ARGS…}, failing the test unless it succeeds. */
    String ok(String... args) {
        Run r = docker(args);
        assertTrue(r.ok(), r.toString());
        return r.stdout();
    }

    /** The VM's serial console so far ("" before the first boot). */
    String console() {
        return read(machineDir().resolve("console.log"));
    }

    /** The machine's state.json as its host process last wrote it. */
    String state() {
        return read(machineDir().resolve("state.json"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        machine(Duration.ofMinutes(2), "stop");
    }
}
