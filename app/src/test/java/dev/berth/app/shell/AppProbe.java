package dev.berth.app.shell;

import dev.berth.app.settings.AppSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The real app, instrumented for the benchmark ({@code scripts/bench/app}): prints, one {@code key=value} a line,
 * the time from JVM start to the first painted frame with the engine connected, to the frame that shows the
 * expected number of containers, the resident memory then, and — after the parent printed "go" on our stdin —
 * the gaps between frames while engine events stream in. Runs under Xvfb with the ordinary (GTK) toolkit.
 */
public final class AppProbe extends BerthApp {
    private final Preferences prefs = Preferences.userRoot().node("dev/berth/bench/" + UUID.randomUUID());
    private boolean firstPaintSeen;
    private boolean listedSeen;

    @Override
    protected AppSettings settings() {
        return new AppSettings(prefs);
    }

    @Override
    public void start(Stage stage) {
        super.start(stage);
        int expected = Integer.getInteger("berth.bench.containers", 0);
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        stage.getScene().addPostLayoutPulseListener(() -> {
            long ms = Duration.between(jvmStart, Instant.now()).toMillis();
            if (!firstPaintSeen && context().shell().stateProperty().get() == EngineState.CONNECTED) {
                firstPaintSeen = true;
                System.out.println("first_paint_connected_ms=" + ms);
            }
            if (!listedSeen && context().containers().items().size() >= expected) {
                listedSeen = true;
                System.out.println("listed_ms=" + ms);
                System.out.println("listed_rows=" + context().containers().items().size());
                Thread.ofPlatform().daemon().start(this::measureThenWatch);
            }
        });
    }

    private void measureThenWatch() {
        try {
            Thread.sleep(3000);
            System.gc();
            Thread.sleep(1000);
            System.out.println("rss_mib=" + rssKiB() / 1024);
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.println("heap_used_mib=" + heap.getUsed() / (1024 * 1024));
            System.out.println("ready");
            System.out.flush();
            // The parent streams events now and says when it is done.
            List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
            Platform.runLater(() -> new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        gaps.add((now - last) / 1_000_000);
                    }
                    last = now;
                }
            }.start());
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            List<Long> sorted;
            synchronized (gaps) {
                sorted = new ArrayList<>(gaps);
            }
            Collections.sort(sorted);
            System.out.println("frames=" + sorted.size());
            System.out.println("gap_max_ms=" + (sorted.isEmpty() ? 0 : sorted.getLast()));
            System.out.println("gap_p99_ms=" + (sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99))));
            System.out.println("gaps_over_100ms=" + sorted.stream().filter(g -> g > 100).count());
            System.out.println("rss_after_events_mib=" + rssKiB() / 1024);
            System.out.flush();
            prefs.removeNode();
        } catch (Exception e) {
            System.out.println("error=" + e);
        }
        dumpFlightRecordings();
        Runtime.getRuntime().halt(0);
    }

    /** halt() skips JFR's dump-on-exit: a probe run with -XX:StartFlightRecording (profiling) dumps here instead. */
    private static void dumpFlightRecordings() {
        String dir = System.getProperty("berth.bench.jfr");
        if (dir == null || dir.isBlank()) {
            return;
        }
        for (var r : jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings()) {
            try {
                r.dump(Path.of(dir, "probe-" + ProcessHandle.current().pid() + "-" + r.getId() + ".jfr"));
            } catch (java.io.IOException e) {
                System.err.println("jfr dump failed: " + e);
            }
        }
    }

    private static long rssKiB() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** Started through this class: the java launcher will not start an Application from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(AppProbe.class, args);
        }
    }
}
