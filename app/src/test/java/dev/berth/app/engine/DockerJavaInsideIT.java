package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.testing.BerthdLauncher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inside-a-container calls of {@link DockerJavaEngine} against a real berthd (root; run under the engine lock). */
class DockerJavaInsideIT {
    private static BerthdLauncher berthd;
    private static DockerJavaEngine engine;
    private static String container;

    @BeforeAll
    static void start() {
        assumeTrue(BerthdLauncher.available(), "needs root and bin/berthd");
        berthd = BerthdLauncher.start();
        engine = new DockerJavaEngine(berthd.uri());
        container = berthd.docker("run", "-d", "--name", "inside-it", berthd.busyboxImage(), "sh", "-c",
                "echo out-one; echo err-one >&2; i=0; while true; do i=$((i+1)); echo tick-$i; sleep 1; done");
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (berthd != null) {
            berthd.close();
        }
    }

    @Test
    void terminalEchoesAndFollowsResize() throws Exception {
        try (ExecSession s = engine.openTerminal(container, List.of("/bin/sh"), 100, 30)) {
            StringBuffer seen = new StringBuffer();
            Thread reader = Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = s.output().read(buf)) > 0) {
                        synchronized (seen) {
                            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                } catch (Exception ignored) {
                    // ends with the session
                }
            });
            waitFor(seen, "# "); // the shell's prompt: it reads input from now on
            s.input().write("stty size; echo 안녕-$((40+2))\n".getBytes(StandardCharsets.UTF_8));
            waitFor(seen, "안녕-42");
            assertTrue(seen.toString().contains("30 100"), seen.toString());
            s.resize(120, 40);
            // The engine hands the size to its monitor asynchronously (as dockerd does); ask until it shows.
            for (int i = 0; i < 20 && !seen.toString().contains("40 120"); i++) {
                s.input().write("stty size\n".getBytes(StandardCharsets.UTF_8));
                Thread.sleep(250);
            }
            waitFor(seen, "40 120");
            s.input().write("exit 3\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(3, s.waitFor());
            reader.join(5000);
        }
    }

    private static void waitFor(StringBuffer seen, String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            synchronized (seen) {
                if (seen.toString().contains(text)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never saw " + text + " in: " + seen + "\n--- berthd log ---\n"
                + berthd.log().lines().filter(l -> l.contains("resize") || l.contains("exec")).toList());
    }

    @Test
    void runCommandReturnsOutputAndCode() {
        ExecResult r = engine.runCommand(container, List.of("sh", "-c", "echo hi; exit 4"));
        assertEquals(4, r.exitCode());
        assertEquals("hi\n", r.output());
    }

    @Test
    void logsSplitStreamsAndFollow() throws Exception {
        var lines = new LinkedBlockingQueue<LogLine>();
        try (Engine.Subscription sub = engine.logs(container, LogOptions.followAll(), lines::add, e -> {})) {
            List<LogLine> got = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (got.stream().noneMatch(l -> l.text().startsWith("tick-2")) && System.nanoTime() < deadline) {
                LogLine l = lines.poll(1, TimeUnit.SECONDS);
                if (l != null) {
                    got.add(l);
                }
            }
            assertTrue(got.stream().anyMatch(l -> l.text().equals("out-one") && l.stream() == LogLine.Stream.STDOUT),
                    got.toString());
            assertTrue(got.stream().anyMatch(l -> l.text().equals("err-one") && l.stream() == LogLine.Stream.STDERR),
                    got.toString());
            assertTrue(got.stream().allMatch(l -> l.time().getEpochSecond() > 1_600_000_000L), "timestamps parsed");
        }
    }

    @Test
    void statsArrive() throws Exception {
        var samples = new LinkedBlockingQueue<StatsSample>();
        try (Engine.Subscription sub = engine.stats(container, samples::add, e -> {})) {
            StatsSample s = samples.poll(15, TimeUnit.SECONDS);
            assertTrue(s != null, "a stats sample");
            assertTrue(s.memoryUsage() > 0, s.toString());
            assertTrue(s.pids() >= 1, s.toString());
        }
    }

    @Test
    void archiveStatListsAndWrites() throws Exception {
        FileEntry etc = engine.statPath(container, "/etc");
        assertEquals(FileEntry.Type.DIRECTORY, etc.type());
        FileEntry hostname = engine.statPath(container, "/etc/hostname");
        assertEquals(FileEntry.Type.FILE, hostname.type());
        String content;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(engine.getArchive(container, "/etc/hostname"))) {
            TarArchiveEntry e = tar.getNextEntry();
            assertEquals("hostname", e.getName());
            content = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(engine.runCommand(container, List.of("cat", "/etc/hostname")).output(), content);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf)) {
            TarArchiveEntry e = new TarArchiveEntry("uploaded.txt");
            byte[] data = "from the app\n".getBytes(StandardCharsets.UTF_8);
            e.setSize(data.length);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        engine.putArchive(container, "/tmp", new ByteArrayInputStream(buf.toByteArray()));
        assertEquals("from the app\n", engine.runCommand(container, List.of("cat", "/tmp/uploaded.txt")).output());
    }

    @Test
    void rawJsonAndVolumeHelper() {
        assertTrue(engine.inspectContainerJson(container).contains("\"Id\":\"" + container));
        assertTrue(engine.inspectImageJson(berthd.busyboxImage()).contains("RepoTags"));
        engine.createVolume("inside-it-vol");
        String helper = engine.startVolumeHelper("inside-it-vol", berthd.busyboxImage(), "/volume");
        try {
            assertEquals(FileEntry.Type.DIRECTORY, engine.statPath(helper, "/volume").type());
        } finally {
            engine.removeContainer(helper, true);
        }
    }
}
