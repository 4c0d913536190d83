package dev.berth.runtime.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs berthd from the test JVM's own java binary and classpath. */
public final class BerthdCommand {
    private BerthdCommand() {}

    /** {@code java ... dev.berth.runtime.daemon.Berthd <args>}, with test-only routes if given. */
    public static List<String> of(List<String> extraRoutes, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Same start-up flags as bin/berthd: a small, quick-starting JVM.
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        if (!extraRoutes.isEmpty()) {
            cmd.add("-Dberth.extraRoutes=" + String.join(",", extraRoutes));
        }
        cmd.add("dev.berth.runtime.daemon.Berthd");
        cmd.addAll(args);
        return cmd;
    }
}
