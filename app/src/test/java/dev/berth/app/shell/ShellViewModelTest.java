package dev.berth.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.Connection;
import dev.berth.app.engine.EngineEvent;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.Async;
import dev.berth.app.testing.FakeEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
    private final Map<String, FakeEngine> engines = new HashMap<>();
    private final List<Set<String>> changes = new ArrayList<>();
    @TempDir
    Path tmp;

    private ShellViewModel shell() {
        var local = new LocalEngineController(List.of("true"), tmp.resolve("log"), () -> false, Duration.ofSeconds(1));
        return new ShellViewModel(c -> engines.computeIfAbsent(c.uri(), u -> new FakeEngine()), Async.sameThread(),
                local, Duration.ZERO, changes::add);
    }

    private static final Connection DEV = new Connection("dev", Connection.Kind.USER, "unix:///dev.sock");
    private static final Connection BERTH = new Connection("Berth engine", Connection.Kind.BERTH,
            Connection.BERTH_DEFAULT_URI);

    @Test
    void connectingShowsNameAndVersionAndFollowsEvents() {
        var shell = shell();
        shell.connect(DEV);
        assertEquals(EngineState.CONNECTED, shell.stateProperty().get());
        assertEquals("Fake Engine 1.0", shell.engineLabelProperty().get());
        assertEquals(List.of(Set.of("*")), changes);
        engines.get(DEV.uri()).emit(new EngineEvent("container", "start", "abc"));
        assertEquals(Set.of("container"), changes.getLast());
    }

    @Test
    void anSshHostWithAnUnknownKeyIsAskedAboutAndTrustedOnlyWhenThePersonSaysSo() throws Exception {
        var ssh = new Connection("box", Connection.Kind.USER, "ssh://me@box.example");
        var unknown = new dev.berth.app.engine.ssh.UnknownHostKeyException(
                dev.berth.app.engine.ssh.SshTarget.parse(ssh.uri(), "me"), "ssh-ed25519",
                "SHA256:uI2BDVPwFD3bNoUE0gPx557Gen9kIL6ZhPtOWLwaJVE",
                "AAAAC3NzaC1lZDI1NTE5AAAAIOGm5W23t0d+4sLUUYwGcLulrVzPU0wIZktFXLEP0/lq", false);
        int[] attempts = {0};
        var local = new LocalEngineController(List.of("true"), tmp.resolve("log"), () -> false, Duration.ofSeconds(1));
        var shell = new ShellViewModel(c -> {
            attempts[0]++;
            if (!java.nio.file.Files.exists(tmp.resolve("ssh/known_hosts"))) {
                throw new dev.berth.app.engine.EngineException(unknown.getMessage(), 0, unknown);
            }
            return new FakeEngine();
        }, Async.sameThread(), local, Duration.ZERO, changes::add);
        shell.setSshSettings(new dev.berth.app.engine.ssh.SshSettings(tmp.resolve("ssh"), "", "true"));
        shell.connect(ssh);
        assertEquals(EngineState.UNREACHABLE, shell.stateProperty().get());
        assertTrue(shell.engineErrorProperty().get().contains("SHA256:uI2BDVPwFD3bNoUE0gPx557Gen9kIL6ZhPtOWLwaJVE"));
        assertEquals(unknown, shell.untrustedHostKeyProperty().get());

        shell.trustHostKeyAndReconnect();
        assertEquals(EngineState.CONNECTED, shell.stateProperty().get());
        assertEquals(null, shell.untrustedHostKeyProperty().get());
        assertEquals(2, attempts[0]);
        assertEquals("box.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOGm5W23t0d+4sLUUYwGcLulrVzPU0wIZktFXLEP0/lq",
                java.nio.file.Files.readString(tmp.resolve("ssh/known_hosts")).strip());
    }

    @Test
    void unreachableEngineGivesItsMessageAndOffersToStartOnlyTheBerthEngine() {
        engines.put(BERTH.uri(), new FakeEngine().failOn("version",
                "Cannot reach the engine at unix:///run/berth/berth.sock: No such file or directory"));
        engines.put(DEV.uri(), new FakeEngine().failOn("version", "refused"));
        var shell = shell();
        shell.connect(BERTH);
        assertEquals(EngineState.UNREACHABLE, shell.stateProperty().get());
        assertTrue(shell.engineErrorProperty().get().endsWith("No such file or directory"));
        assertTrue(shell.offersLocalStart());
        shell.connect(DEV);
        assertFalse(shell.offersLocalStart());
    }

    @Test
    void switchingClosesTheOldClientAndItsEventStream() {
        var shell = shell();
        shell.connect(DEV);
        FakeEngine first = engines.get(DEV.uri());
        shell.connect(new Connection("other", Connection.Kind.USER, "tcp://h:2375"));
        assertTrue(first.calls.contains("events closed"));
        assertTrue(first.closed);
        assertEquals("tcp://h:2375", shell.currentProperty().get().uri());
        assertEquals(EngineState.CONNECTED, shell.stateProperty().get());
    }

    @Test
    void aBrokenEventStreamMarksTheEngineUnreachable() {
        var shell = shell();
        shell.connect(DEV);
        engines.get(DEV.uri()).breakEvents("Cannot reach the engine at unix:///dev.sock: Connection reset");
        assertEquals(EngineState.UNREACHABLE, shell.stateProperty().get());
        assertEquals("Cannot reach the engine at unix:///dev.sock: Connection reset",
                shell.engineErrorProperty().get());
    }

    @Test
    void eventsInOneWindowAreDeliveredOnceAsASetOfTypes() throws Exception {
        List<Set<String>> got = new ArrayList<>();
        var done = new java.util.concurrent.CountDownLatch(1);
        var c = new EventCoalescer(Duration.ofMillis(100), Runnable::run, s -> {
            got.add(s);
            done.countDown();
        });
        for (int i = 0; i < 50; i++) {
            c.accept(new EngineEvent(i % 2 == 0 ? "container" : "network", "start", "x" + i));
        }
        assertTrue(done.await(5, java.util.concurrent.TimeUnit.SECONDS));
        // That nothing more comes can only be watched for a while: two coalescing windows.
        Thread.sleep(200);
        assertEquals(List.of(Set.of("container", "network")), got);
    }
}
