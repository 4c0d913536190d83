package dev.berth.app.bench;

import dev.berth.app.details.ContainerDetailsPage;
import dev.berth.app.details.ContainerDetailsPages;
import dev.berth.app.details.StandardTabs;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.ExecSession;
import dev.berth.app.engine.LogLine;
import dev.berth.app.logs.LogsView;
import dev.berth.app.logs.LogsViewModel;
import dev.berth.app.support.Async;
import dev.berth.app.testing.BerthdLauncher;
import dev.berth.app.testing.FakeEngine;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Not a test: measures the container page (issue 6) and prints Markdown rows for docs/benchmarks.md.
 * Keystroke-to-echo latency through a real berthd exec TTY; the log view with 100,000 lines (first paint, then
 * frame gaps while scrolling); memory with 5 terminals and 5 stats charts open. Run by scripts/bench/inside
 * (root, under the engine lock).
 */
public final class InsideBenchmark {
    private static Stage stage;

    public static void main(String[] args) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(() -> {
            stage = new Stage();
            up.countDown();
        });
        up.await();
        List<String> rows = new ArrayList<>();
        rows.addAll(logView());
        try (BerthdLauncher berthd = BerthdLauncher.start();
                DockerJavaEngine engine = new DockerJavaEngine(berthd.uri())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(berthd.docker("run", "-d", "--name", "bench-" + i, berthd.busyboxImage(), "sh", "-c",
                        "while true; do echo tick; sleep 1; done"));
            }
            rows.addAll(keystrokeLatency(engine, ids.getFirst()));
            rows.addAll(memory(engine, berthd.uri(), ids));
        }
        System.out.println("| metric | value |\n|---|---|");
        rows.forEach(System.out::println);
        Platform.exit();
    }

    /** One character written to the exec's stdin until its echo comes back from the TTY, 300 times. */
    static List<String> keystrokeLatency(DockerJavaEngine engine, String container) throws Exception {
        try (ExecSession s = engine.openTerminal(container, List.of("/bin/sh"), 80, 24)) {
            Thread.sleep(800);
            drain(s);
            long[] nanos = new long[300];
            for (int i = 0; i < nanos.length; i++) {
                char c = (char) ('a' + i % 26);
                long t0 = System.nanoTime();
                s.input().write(c);
                int b;
                while ((b = s.output().read()) != c) {
                    if (b < 0) {
                        throw new IllegalStateException("terminal closed");
                    }
                }
                nanos[i] = System.nanoTime() - t0;
                if (i % 60 == 59) {
                    s.input().write(new byte[]{0x15}); // Ctrl-U: clear the line, so it never wraps
                    Thread.sleep(50);
                    drain(s);
                }
            }
            Arrays.sort(nanos);
            return List.of(
                    row("keystroke → echo, median (exec TTY through berthd, 300 keys)", ms(nanos[nanos.length / 2])),
                    row("keystroke → echo, p99", ms(nanos[(int) (nanos.length * 0.99)])));
        }
    }

    private static void drain(ExecSession s) throws Exception {
        while (s.output().available() > 0) {
            s.output().read(new byte[s.output().available()]);
        }
    }

    /** 100,000 lines into the log view: time until the frame that shows them, then 600 scroll steps. */
    static List<String> logView() throws Exception {
        FakeEngine fake = new FakeEngine();
        Instant t = Instant.now();
        for (int i = 0; i < 100_000; i++) {
            fake.inside.log.add(new LogLine(i % 10 == 0 ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT, t,
                    "\u001b[32mINFO\u001b[0m request " + i + " GET /api/items/" + (i * 7) + " 200 " + (i % 97) + "ms"));
        }
        LogsViewModel[] vm = new LogsViewModel[1];
        LogsView[] view = new LogsView[1];
        List<Long> pulses = new ArrayList<>();
        long[] start = new long[1];
        CountDownLatch painted = new CountDownLatch(1);
        fx(() -> {
            vm[0] = new LogsViewModel(() -> fake, new Async(r -> Thread.ofVirtual().start(r), Platform::runLater),
                    "c1");
            view[0] = new LogsView(vm[0], "bench");
            Scene scene = new Scene(new StackPane(view[0].root()), 1200, 800);
            scene.addPostLayoutPulseListener(() -> {
                pulses.add(System.nanoTime());
                if (vm[0].shown().size() == 100_000 && painted.getCount() > 0) {
                    painted.countDown();
                }
            });
            stage.setScene(scene);
            stage.show();
            start[0] = System.nanoTime();
            vm[0].followProperty().set(false);
            vm[0].reload();
        });
        painted.await(60, TimeUnit.SECONDS);
        long firstPaint = System.nanoTime() - start[0];
        Thread.sleep(500);
        ScrollBar[] bar = new ScrollBar[1];
        fx(() -> bar[0] = (ScrollBar) view[0].list().lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .findFirst().orElseThrow());
        pulses.clear();
        for (int i = 0; i < 600; i++) {
            double to = (i % 300) / 300.0;
            fx(() -> view[0].list().scrollTo((int) (to * 99_000) + (int) (Math.random() * 50)));
            Thread.sleep(16);
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < pulses.size(); i++) {
            gaps.add(pulses.get(i) - pulses.get(i - 1));
        }
        gaps.sort(null);
        fx(() -> vm[0].close());
        return List.of(row("log view, 100,000 lines: load until the frame that shows them", ms(firstPaint)),
                row("log view scrolling (600 jumps): median frame gap", ms(gaps.get(gaps.size() / 2))),
                row("log view scrolling: p99 frame gap", ms(gaps.get((int) (gaps.size() * 0.99)))),
                row("log view scrolling: worst frame gap", ms(gaps.getLast())));
    }

    /** Heap after GC and process RSS, before and with 5 container pages (terminal + stats tab each) open. */
    static List<String> memory(DockerJavaEngine engine, String uri, List<String> ids) throws Exception {
        String before = usage();
        var pages = new ContainerDetailsPages(() -> engine, Async.fx(), () -> uri, StandardTabs.all());
        List<ContainerDetailsPage> open = new ArrayList<>();
        for (String id : ids) {
            var summary = new ContainerSummary(id, id.substring(0, 8), "busybox", "", "running", "Up", List.of(),
                    Instant.now(), Map.of(), List.of());
            fx(() -> pages.open(summary, p -> {
                open.add(p);
                stage.setScene(new Scene(new StackPane(p.root()), 1000, 700));
            }, () -> {}));
            Thread.sleep(1500);
        }
        // Every page's terminal is open; now show each page's stats tab for a few samples (hidden pages keep theirs
        // closed, so to hold 5 charts' data at once the pages' charts all exist and got points).
        for (ContainerDetailsPage p : open) {
            fx(() -> {
                stage.setScene(new Scene(new StackPane(p.root()), 1000, 700));
                p.select("stats");
            });
            Thread.sleep(3000);
        }
        String with = usage();
        fx(pages::closeAll);
        return List.of(row("memory before opening pages (heap after GC / RSS)", before),
                row("memory with 5 terminals and 5 stats charts (heap after GC / RSS)", with));
    }

    private static String usage() throws Exception {
        System.gc();
        Thread.sleep(300);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: 0 kB").replaceAll("\\D+", "");
        return String.format("%.1f MiB / %.1f MiB", heap / 1048576.0, Long.parseLong(rss) / 1024.0);
    }

    private static void fx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }

    private static String row(String metric, String value) {
        return "| " + metric + " | " + value + " |";
    }

    private static String ms(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }
}
