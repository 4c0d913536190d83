package dev.berth.runtime.container.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.links.LinkGraph;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.container.oci.HostFacts;
import dev.berth.runtime.container.oci.OciSpecBuilder;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.events.Event;
import dev.berth.runtime.events.EventBus;
import dev.berth.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container lifecycle's rules over fake mounts, monitor, runtime and network (no root, no runc): what start,
 * exit, a failed start, a restart policy, stop and remove do to the record, the events and the host.
 */
class ContainerRunnerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataRoot;
    @TempDir
    Path execRoot;

    private FakeContainerHost host;
    private ContainerStore store;
    private EventBus events;
    private Waiters waiters;
    private ContainerRunner runner;
    private ContainerLifecycle lifecycle;

    @BeforeEach
    void wire() {
        host = new FakeContainerHost(execRoot.resolve("runtime"));
        store = new ContainerStore(dataRoot);
        events = new EventBus();
        waiters = new Waiters();
        HostFacts facts = new HostFacts(type -> OptionalLong.empty(), false, false, Optional.empty());
        runner = new ContainerRunner(store, new LinkGraph(store), host, host, new OciSpecBuilder(facts), host, host,
                events, waiters, new AttachBroker(), execRoot, dataRoot);
        lifecycle = new ContainerLifecycle(store, runner, host, events, waiters, id -> {});
    }

    @Test
    void startRunsTheProcessAndRecordsIt() {
        Container c = add("web", "no");
        Container running = runner.start("web");
        assertTrue(running.state().isRunning());
        assertEquals(1000, running.state().pid());
        assertEquals(List.of("mount " + c.id(), "attach " + c.id(), "create " + c.id(), "start " + c.id()),
                host.calls);
        assertEquals(List.of("start"), actions());
        assertTrue(store.dir(c.id()).resolve("hosts").toFile().exists(), "/etc/hosts is written before the start");
    }

    @Test
    void anExitIsRecordedAndCleanedUpAfter() throws Exception {
        Container c = add("job", "no");
        runner.start("job");
        var exit = waiters.nextExit(c.id());
        host.exit(c.id(), 3);
        assertEquals(3, exit.get(10, TimeUnit.SECONDS).exitCode());
        Container after = store.resolve("job");
        assertEquals(RunState.Status.EXITED, after.state().status());
        assertEquals(3, after.state().exitCode());
        assertTrue(host.calls.contains("detach " + c.id()));
        assertTrue(host.calls.contains("unmount " + c.id()));
        Event die = events.history(0, Long.MAX_VALUE).getLast();
        assertEquals("die", die.action());
        assertEquals("3", die.attributes().get("exitCode"));
    }

    @Test
    void aStartTheRuntimeRefusesLeavesNothingMountedOrAttached() {
        Container c = add("broken", "no");
        host.failNextStart("exec: \"nope\": executable file not found in $PATH");
        EngineException e = assertThrows(EngineException.class, () -> runner.start("broken"));
        assertTrue(e.getMessage().contains("executable file not found"), e.getMessage());
        Container after = store.resolve("broken");
        assertEquals(RunState.Status.EXITED, after.state().status());
        assertEquals(127, after.state().exitCode(), "docker's code for a command that is not there");
        assertTrue(host.calls.contains("detach " + c.id()));
        assertTrue(host.calls.contains("unmount " + c.id()));
        assertFalse(actions().contains("start"));
    }

    @Test
    void restartPolicyAlwaysStartsItAgain() {
        Container c = add("svc", "always");
        runner.start("svc");
        host.exit(c.id(), 1);
        Await.until("a second start", WAIT, () -> host.count("start " + c.id()) == 2, () -> host.calls.toString());
        Await.until("the restart recorded", WAIT, () -> store.resolve("svc").state().isRunning()
                && store.resolve("svc").restartCount() == 1);
        assertTrue(actions().contains("restart"), actions().toString());
    }

    @Test
    void aStoppedContainerIsNotRestartedByItsPolicy() {
        Container c = add("db", "always");
        runner.start("db");
        lifecycle.stop("db", 1, null);
        assertEquals(RunState.Status.EXITED, store.resolve("db").state().status());
        assertTrue(store.resolve("db").manuallyStopped());
        assertEquals(1, host.count("start " + c.id()));
    }

    @Test
    void autoRemoveTakesTheRecordAwayAfterTheExit() {
        Container c = add("once", "no", true);
        runner.start("once");
        host.exit(c.id(), 0);
        Await.until("the container removed", WAIT, () -> store.find("once").isEmpty());
        assertTrue(actions().containsAll(List.of("die", "destroy")), actions().toString());
    }

    private List<String> actions() {
        return events.history(0, Long.MAX_VALUE).stream().map(Event::action).toList();
    }

    private Container add(String name, String restartPolicy) {
        return add(name, restartPolicy, false);
    }

    private Container add(String name, String restartPolicy, boolean autoRemove) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode config = json.objectNode().put("Image", "busybox");
        config.putArray("Cmd").add("sleep").add("60");
        config.putArray("Env").add("PATH=/bin");
        ObjectNode hostConfig = json.objectNode().put("AutoRemove", autoRemove).put("NetworkMode", "host");
        hostConfig.putObject("RestartPolicy").put("Name", restartPolicy).put("MaximumRetryCount", 0);
        String id = Digest.sha256(name.getBytes(StandardCharsets.UTF_8)).hex();
        return store.add(new Container(id, name, "2026-12-08T00:00:00Z", "busybox",
                Digest.sha256("image".getBytes(StandardCharsets.UTF_8)), config, hostConfig, RunState.created(),
                "sleep",
                List.of("60"), List.of(), 0, false, json.objectNode(), null));
    }
}
