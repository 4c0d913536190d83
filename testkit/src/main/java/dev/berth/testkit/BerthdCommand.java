package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs berthd with this JVM's java binary: from the test JVM's own class path (the runtime
 * module's tests), or from a built checkout's {@code runtime/target} the way {@code bin/berthd} runs it (tests of
 * other modules, which must not depend on the runtime's classes).
 */
public final class BerthdCommand {
    private static final String MAIN = "dev.berth.runtime.daemon.Berthd";

    private BerthdCommand() {}

    /** {@code java … Berthd <args>} on the test JVM's class path, with test-only route groups if given. */
    public static List<String> of(List<String> extraRoutes, List<String> args) {
        return of(extraRoutes, java.util.Map.of(), args);
    }

    /** As {@link #of(List, List)}, with system properties for berthd's JVM (test-only tunables such as time-outs). */
    public static List<String> of(List<String> extraRoutes, java.util.Map<String, String> properties,
            List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        // Quick-starting flags: tests start many short-lived engines.
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        if (!extraRoutes.isEmpty()) {
            cmd.add("-Dberth.extraRoutes=" + String.join(",", extraRoutes));
        }
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add(MAIN);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * {@code bin/berthd}'s command for the checkout at {@code root}: its JVM flags from {@code bin/berthd.jvm} and
     * {@code runtime/target/classes} plus {@code runtime/target/lib/*} (built by {@code mvn package} of the runtime,
     * which the reactor does before later modules' integration tests).
     */
    public static List<String> fromCheckout(Path root, List<String> args) {
        Path classes = root.resolve("runtime/target/classes");
        Path lib = root.resolve("runtime/target/lib");
        if (!Files.isDirectory(classes.resolve("dev/berth/runtime/daemon")) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("berthd is not built in " + root + ": run mvn -pl runtime -am package");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        try {
            Files.readAllLines(root.resolve("bin/berthd.jvm")).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(cmd::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // JNA unpacks its library into the build directory, as bin/berthd has it, not into root's ~/.cache.
        cmd.add("-Djna.tmpdir=" + root.resolve("runtime/target/jna"));
        cmd.addAll(List.of("-cp", classes + ":" + lib + "/*", MAIN));
        cmd.addAll(args);
        return cmd;
    }

    /** Whether {@link #fromCheckout} can run berthd from {@code root}. */
    public static boolean builtIn(Path root) {
        return Files.isDirectory(root.resolve("runtime/target/classes/dev/berth/runtime/daemon"))
                && Files.isDirectory(root.resolve("runtime/target/lib"));
    }

    /** The checkout the working directory is in (a module directory during a Maven build): where {@code bin/berthd} is. */
    public static Path checkoutRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("bin/berthd")) && Files.exists(p.resolve("runtime/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside a Berth checkout: " + dir);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
