package dev.berth.app.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.swarm.SwarmService;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import dev.berth.app.testing.FakeSwarm;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Swarm page's rules over an in-memory swarm: states, the form's checks, the lists and their actions. */
class SwarmViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final FakeSwarm swarm = (FakeSwarm) engine.swarm;
    private final SwarmViewModel vm = new SwarmViewModel(() -> engine, Async.sameThread());

    @BeforeEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void anEngineOutsideASwarmShowsNoListsAndCanInitializeOne() {
        vm.refresh();
        assertFalse(vm.statusProperty().get().active());
        assertTrue(vm.services().items().isEmpty());
        vm.init("10.0.0.1");
        assertEquals(List.of("init 10.0.0.1"), swarm.calls);
        assertTrue(vm.statusProperty().get().canManage());
        assertEquals(List.of("manager-1"), vm.nodes().items().stream().map(n -> n.hostname()).toList());
        assertEquals("The swarm is initialized; this engine is its manager.", vm.noticeProperty().get());
    }

    @Test
    void aSecondInitSaysWhatTheEngineSaid() {
        vm.init("");
        vm.init("");
        assertEquals("This node is already part of a swarm.", vm.errorProperty().get());
    }

    @Test
    void joinNeedsAnAddressAndAToken() {
        vm.join("10.0.0.1:2377", " ");
        assertEquals("Give both a manager's address and a join token.", vm.errorProperty().get());
        assertTrue(swarm.calls.isEmpty());
        vm.join("10.0.0.1:2377", "SWMTKN-1-abc");
        assertEquals(List.of("join 10.0.0.1:2377 SWMTKN-1-abc"), swarm.calls);
    }

    @Test
    void aServiceIsCreatedFromTheFormAndItsTasksSpreadOverTheNodes() {
        vm.init("10.0.0.1");
        swarm.addWorker("node-2", "worker-2");
        vm.refresh();
        vm.services().create("web", "busybox:1", "3", "8080:80, 53:53/udp", "httpd -f");
        SwarmService web = vm.services().items().getFirst();
        assertEquals("3/3", web.replicas());
        assertEquals(List.of("8080:80/tcp", "53:53/udp"), web.ports());
        vm.services().select(web);
        assertEquals(List.of("manager-1", "worker-2", "manager-1"), vm.services().tasks().stream()
                .map(t -> t.node()).toList());
    }

    @Test
    void theFormSaysWhatIsWrongBeforeAskingTheEngine() {
        vm.init("");
        vm.services().create("-web", "busybox", "1", "", "");
        assertTrue(vm.services().errorProperty().get().contains("not a valid service name"));
        vm.services().create("web", " ", "1", "", "");
        assertEquals("Give the image the service runs.", vm.services().errorProperty().get());
        vm.services().create("web", "busybox", "many", "", "");
        assertEquals("'many' is not a number of replicas.", vm.services().errorProperty().get());
        vm.services().create("web", "busybox", "1", "80", "");
        assertTrue(vm.services().errorProperty().get().startsWith("'80' is not a published port"));
        vm.services().create("web", "busybox", "1", "70000:80", "");
        assertTrue(vm.services().errorProperty().get().startsWith("'70000:80' is not a published port"));
        assertTrue(swarm.services.isEmpty());
    }

    @Test
    void scaleUpdateRollbackAndRemove() {
        vm.init("");
        vm.refresh();
        vm.services().create("web", "busybox:1", "2", "", "");
        SwarmService web = vm.services().items().getFirst();
        vm.services().scale(web, "5");
        assertEquals(5, vm.services().items().getFirst().desiredReplicas());
        vm.services().scale(web, "-1");
        assertEquals("'-1' is not a number of replicas.", vm.services().errorProperty().get());
        vm.services().updateImage(web, "busybox:2");
        assertEquals("busybox:2", vm.services().items().getFirst().image());
        vm.services().rollback(web);
        assertEquals("rollback_completed", vm.services().items().getFirst().updateState());
        vm.services().remove(List.of(vm.services().items().getFirst()));
        assertTrue(vm.services().items().isEmpty());
    }

    @Test
    void stacksGroupServicesByTheirNamespace() {
        vm.init("");
        swarm.services.add(new SwarmService("a", "shop_web", "replicated", 1, 1, "x", List.of(), "", "", "shop", 1));
        swarm.services.add(new SwarmService("b", "shop_db", "replicated", 1, 1, "x", List.of(), "", "", "shop", 1));
        swarm.services.add(new SwarmService("c", "loose", "replicated", 1, 1, "x", List.of(), "", "", "", 1));
        vm.refresh();
        assertEquals(List.of(new ServicesViewModel.StackRow("shop", 2)), vm.services().stacks());
    }

    @Test
    void drainingANodeMovesItsTasks() {
        vm.init("");
        swarm.addWorker("node-2", "worker-2");
        vm.refresh();
        vm.services().create("web", "busybox:1", "2", "", "");
        vm.services().select(vm.services().items().getFirst());
        vm.nodes().setAvailability(vm.nodes().items().get(1), "drain");
        assertEquals("worker-2 is now drained.", vm.nodes().noticeProperty().get());
        vm.services().refreshTasks();
        assertEquals(List.of("manager-1", "manager-1"), vm.services().tasks().stream().map(t -> t.node()).toList());
    }

    @Test
    void secretsAreCreatedFromTextAndNamesAreChecked() {
        vm.init("");
        vm.secrets().create("db password", "x");
        assertTrue(vm.secrets().errorProperty().get().contains("not a valid name"));
        vm.secrets().create("db_password", "");
        assertEquals("Give the content.", vm.secrets().errorProperty().get());
        vm.secrets().create("db_password", "s3cret");
        assertEquals(List.of("db_password"), vm.secrets().items().stream().map(o -> o.name()).toList());
    }

    @Test
    void nodeEventsReadTheStateAgainAndServiceEventsTheServices() {
        vm.init("");
        swarm.services.add(new SwarmService("a", "api", "replicated", 1, 1, "x", List.of(), "", "", "", 1));
        vm.engineChanged(Set.of("service"));
        assertEquals(1, vm.services().items().size());
        swarm.leave(true);
        vm.engineChanged(Set.of("node"));
        assertFalse(vm.statusProperty().get().active());
        assertTrue(vm.services().items().isEmpty());
    }
}
