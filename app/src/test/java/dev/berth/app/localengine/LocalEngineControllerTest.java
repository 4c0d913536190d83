package dev.berth.app.localengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEngineControllerTest {
    @TempDir
    Path tmp;

    private static void await(LocalEngineController c, LocalEngineController.State want) throws InterruptedException {
        for (int i = 0; i < 100 && c.status().state() != want; i++) {
            Thread.sleep(50);
        }
        assertEquals(want, c.status().state(), c.status().message());
    }

    @Test
    void anEngineThatExitsEarlyIsAnErrorWithItsLastLogLines() throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("state"));
        java.nio.file.Files.writeString(tmp.resolve("state/berthd.log"), "old run: address in use\n");
        var c = new LocalEngineController(List.of("sh", "-c",
                "printf '\\033[0mberthd: cannot mount overlay: permission denied\\n'; exit 3"),
                tmp.resolve("state/berthd.log"), () -> false, Duration.ofSeconds(10));
        List<LocalEngineController.State> seen = new CopyOnWriteArrayList<>();
        c.addListener(s -> seen.add(s.state()));
        c.start();
        await(c, LocalEngineController.State.ERROR);
        assertEquals("The engine exited with status 3 before it answered.", c.status().message());
        assertEquals(List.of("berthd: cannot mount overlay: permission denied"), c.status().lastLogLines(),
                "only this start's lines, without escape codes");
        assertEquals(List.of(LocalEngineController.State.STARTING, LocalEngineController.State.ERROR), seen);
    }

    @Test
    void runningOnceTheSocketAnswersAndStoppedAfterStop() throws Exception {
        AtomicBoolean up = new AtomicBoolean();
        var c = new LocalEngineController(List.of("sh", "-c", "sleep 0.3; echo ready; exec sleep 60"),
                tmp.resolve("berthd.log"), up::get, Duration.ofSeconds(10));
        c.start();
        assertEquals(LocalEngineController.State.STARTING, c.status().state());
        Thread.sleep(400);
        up.set(true);
        await(c, LocalEngineController.State.RUNNING);
        up.set(false);
        c.stop();
        assertEquals(LocalEngineController.State.STOPPED, c.status().state());
    }

    @Test
    void aMissingProgramIsReportedNotThrown() {
        var c = new LocalEngineController(List.of(tmp.resolve("no-such-berthd").toString()), tmp.resolve("l.log"),
                () -> false, Duration.ofSeconds(1));
        c.start();
        assertEquals(LocalEngineController.State.ERROR, c.status().state());
        assertTrue(c.status().message().startsWith("Could not run "));
    }

    @Test
    void timesOutWhenTheSocketNeverAnswers() throws Exception {
        var c = new LocalEngineController(List.of("sleep", "30"), tmp.resolve("l.log"), () -> false,
                Duration.ofMillis(500));
        c.start();
        await(c, LocalEngineController.State.ERROR);
        assertTrue(c.status().message().startsWith("The engine did not answer within"));
        c.stop();
    }

    @Test
    void theReasonAnEngineStoppedShowsEvenWhenItIsRecordedAfterTheSocketWentQuiet() {
        AtomicBoolean up = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicReference<String> reason = new java.util.concurrent.atomic.AtomicReference<>(
                "");
        java.util.concurrent.CompletableFuture<String> recorded = new java.util.concurrent.CompletableFuture<>();
        EngineLauncher vm = new EngineLauncher() {
            @Override
            public Mode mode() {
                return Mode.VM;
            }

            @Override
            public Launch launch() {
                return java.util.Optional::empty;
            }

            @Override
            public java.util.Optional<String> stop() {
                return java.util.Optional.empty();
            }

            @Override
            public String logLocation() {
                return "console.log";
            }

            @Override
            public List<String> lastLogLines() {
                return List.of("berth-init: ready");
            }

            @Override
            public String stoppedReason() {
                return reason.get();
            }

            @Override
            public java.util.concurrent.CompletableFuture<String> stoppedReasonWhenKnown() {
                return recorded;
            }
        };
        var c = new LocalEngineController(vm, up::get, Duration.ofSeconds(10));
        assertEquals(LocalEngineController.State.RUNNING, c.refresh().state());
        up.set(false);
        assertEquals(
                new LocalEngineController.Status(LocalEngineController.State.STOPPED, "", List.of("berth-init: ready")),
                c.refresh(), "the host process has not yet recorded why");
        List<String> shown = new CopyOnWriteArrayList<>();
        c.addListener(s -> shown.add(s.message()));
        reason.set("The VM stopped unexpectedly (qemu exited with status 137).");
        recorded.complete(reason.get());
        dev.berth.testkit.Await.until("the reason to show", Duration.ofSeconds(10), () -> !shown.isEmpty());
        assertEquals(List.of("The VM stopped unexpectedly (qemu exited with status 137)."), shown,
                "the reason, recorded after the socket went quiet, reaches the window without another refresh");
    }

    @Test
    void probeSaysNoForAMissingSocket() {
        assertTrue(!EngineProbe.unixSocket(tmp.resolve("none.sock")).answers());
    }
}
