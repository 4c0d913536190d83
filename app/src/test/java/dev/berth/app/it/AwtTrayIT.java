package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tray on a desktop that has one: Xvfb with Debian's {@code trayer} (an XEmbed system tray, what AWT's tray
 * needs on X11), and the app's AWT tray in a JVM of its own ({@link TrayProbe}; the test JVMs run AWT headless).
 * The icon appears, its menu's Start and Stop drive a real berthd, the tooltip follows, Quit removes the icon.
 */
class AwtTrayIT {
    @RegisterExtension
    static BerthdExtension berthd = BerthdExtension.fromCheckout();

    @Test
    void theTrayIconsMenuStartsAndStopsTheEngine() throws Exception {
        assumeTrue(onPath("Xvfb") && onPath("trayer"), "needs Xvfb and trayer (scripts/install-deps --test)");
        // The tray runs its own berthd on the fixture's root and socket, as TrayEngineIT's controller does.
        berthd.stop();
        int display = freeDisplay();
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(berthd.tempDir().resolve("xvfb.log").toFile()).start();
        Process trayer = null;
        try {
            awaitDisplay(display);
            ProcessBuilder tb = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype",
                    "request", "--height", "24").redirectErrorStream(true)
                    .redirectOutput(berthd.tempDir().resolve("trayer.log").toFile());
            tb.environment().put("DISPLAY", ":" + display);
            trayer = tb.start();
            Map<String, String> seen = runProbe(display);
            assertEquals("", seen.get("missing"), "with trayer running AWT finds a tray: " + seen);
            assertEquals("1", seen.get("icons"), seen.toString());
            assertEquals("Berth — engine stopped", seen.get("tooltip.before"), seen.toString());
            assertEquals("Berth — engine running", seen.get("tooltip.started"), seen + "\n" + berthd.log());
            assertEquals("true", seen.get("answers.started"), seen.toString());
            assertEquals("Berth — engine stopped", seen.get("tooltip.stopped"), seen.toString());
            assertEquals("false", seen.get("answers.stopped"), seen.toString());
            assertEquals("true", seen.get("quit"), seen.toString());
            assertEquals("0", seen.get("icons.after"), seen.toString());
        } finally {
            if (trayer != null) {
                trayer.destroy();
                trayer.waitFor(10, TimeUnit.SECONDS);
            }
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Map<String, String> runProbe(int display) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrayProbe.class.getName(),
                berthd.socket().toString(), berthd.tempDir().resolve("tray-berthd.log").toString()));
        cmd.addAll(berthd.command());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(berthd.tempDir().resolve("probe.err").toFile());
        pb.environment().put("DISPLAY", ":" + display);
        Process p = pb.start();
        Map<String, String> seen = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    seen.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        seen.put("probe.stderr", Files.readString(berthd.tempDir().resolve("probe.err")).lines()
                .filter(l -> l.contains("Exception") || l.contains("Error")).findFirst().orElse(""));
        return seen;
    }

    private static int freeDisplay() {
        for (int d = 90; d < 140; d++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + d)) && !Files.exists(Path.of("/tmp/.X" + d + "-lock"))) {
                return d;
            }
        }
        throw new IllegalStateException("no free X display number in 90..139");
    }

    private static void awaitDisplay(int display) throws InterruptedException {
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
