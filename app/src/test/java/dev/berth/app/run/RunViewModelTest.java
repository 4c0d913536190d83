package dev.berth.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.NetworkSummary;
import dev.berth.app.engine.RunSpec;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final List<String> started = new ArrayList<>();
    private RunViewModel vm;

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        vm = new RunViewModel(() -> engine, Async.sameThread(), "busybox:latest", started::add);
    }

    @Test
    void theCommandLineFollowsEveryKeystroke() {
        assertEquals("docker run -d busybox:latest", vm.commandLineProperty().get());
        vm.nameProperty().set("web");
        vm.portsProperty().set("8080:80\n\n 9090:90/udp ");
        vm.envProperty().set("A=1");
        vm.commandProperty().set("sleep 60");
        vm.restartProperty().set(RunSpec.RestartPolicy.Kind.UNLESS_STOPPED);
        assertEquals("docker run -d --name web -p 8080:80 -p 9090:90/udp -e A=1 --restart unless-stopped "
                + "busybox:latest sleep 60", vm.commandLineProperty().get());
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void aBadPortIsAMessageAndBlocksRun() {
        vm.portsProperty().set("8080:80\n80:http");
        assertEquals("'80:http' is not a port mapping. Write HOST:CONTAINER like 8080:80, or just 80, optionally "
                + "with /udp.", vm.problemProperty().get());
        assertEquals("docker run -d -p 8080:80 busybox:latest", vm.commandLineProperty().get(),
                "the line shows what is valid so far");
        vm.run();
        assertTrue(engine.runs.isEmpty());
        assertTrue(vm.spec().isEmpty());
    }

    @Test
    void rmAndARestartPolicyExcludeEachOther() {
        vm.autoRemoveProperty().set(true);
        vm.restartProperty().set(RunSpec.RestartPolicy.Kind.ALWAYS);
        assertTrue(vm.problemProperty().get().startsWith("A container removed when it stops"));
        vm.restartProperty().set(RunSpec.RestartPolicy.Kind.NO);
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void onFailureTakesAnOptionalRetryCount() {
        vm.restartProperty().set(RunSpec.RestartPolicy.Kind.ON_FAILURE);
        vm.maxRetriesProperty().set("x");
        assertFalse(vm.problemProperty().get().isEmpty());
        vm.maxRetriesProperty().set("5");
        assertEquals(new RunSpec.RestartPolicy(RunSpec.RestartPolicy.Kind.ON_FAILURE, 5),
                vm.spec().orElseThrow().restart());
    }

    @Test
    void runHandsTheSpecToTheEngineAndReportsTheName() {
        vm.nameProperty().set("web");
        vm.portsProperty().set("8080:80");
        vm.volumesProperty().set("data:/data:ro");
        vm.run();
        assertEquals(1, engine.runs.size());
        RunSpec spec = engine.runs.getFirst();
        assertEquals("busybox:latest", spec.image());
        assertEquals(List.of(new RunSpec.PublishedPort("", 8080, 80, "tcp")), spec.ports());
        assertEquals(List.of(new RunSpec.Mount("data", "/data", true)), spec.mounts());
        assertEquals(List.of("web"), started);
        assertTrue(vm.startedProperty().get());
    }

    @Test
    void theEnginesRefusalIsShownInItsWords() {
        engine.failOn("runContainer", "driver failed programming external connectivity: Bind for 0.0.0.0:8080 "
                + "failed: port is already allocated");
        vm.portsProperty().set("8080:80");
        vm.run();
        assertTrue(vm.errorProperty().get().contains("port is already allocated"));
        assertFalse(vm.startedProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(started.isEmpty());
    }

    @Test
    void anEmptyImageIsAProblem() {
        vm.imageProperty().set(" ");
        assertEquals("Choose an image to run.", vm.problemProperty().get());
    }

    @Test
    void networksComeFromTheEngine() {
        engine.networks.add(new NetworkSummary("n2", "bridge", "bridge", "local", false, List.of()));
        engine.networks.add(new NetworkSummary("n1", "backend", "bridge", "local", false, List.of()));
        vm.loadNetworks();
        assertEquals(List.of("backend", "bridge"), vm.networks());
        vm.networkProperty().set("backend");
        assertEquals("docker run -d --network backend busybox:latest", vm.commandLineProperty().get());
    }
}
