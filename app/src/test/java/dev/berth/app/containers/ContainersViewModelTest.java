package dev.berth.app.containers;

import static dev.berth.app.testing.FakeEngine.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.ContainerStats;
import dev.berth.app.engine.PortMapping;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContainersViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final ContainersViewModel vm = new ContainersViewModel(() -> engine, Async.sameThread(), () -> "localhost");

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        engine.containers.addAll(List.of(
                container("w1", "shop-web-1", "running", "shop", new PortMapping("0.0.0.0", 8081, 80, "tcp")),
                container("d1", "shop-db-1", "exited", "shop"),
                container("a1", "api-worker-1", "running", "api"),
                container("h1", "hello", "running", null),
                container("b1", "batch", "exited", null)));
        vm.refresh();
    }

    private List<String> groupNames() {
        return vm.groupsProperty().get().stream()
                .map(g -> g.isProject() ? "[" + g.project() + "]" : g.containers().getFirst().name()).toList();
    }

    @Test
    void groupsComposeProjectsFirstThenStandaloneContainersByName() {
        assertEquals(List.of("[api]", "[shop]", "batch", "hello"), groupNames());
        ContainerGroup shop = vm.groupsProperty().get().get(1);
        assertEquals(List.of("shop-db-1", "shop-web-1"), shop.containers().stream().map(c -> c.name()).toList());
        assertEquals(1, shop.running());
    }

    @Test
    void searchMatchesNameImageOrProject() {
        vm.searchProperty().set("SHOP");
        assertEquals(List.of("[shop]"), groupNames());
        vm.searchProperty().set("hell");
        assertEquals(List.of("hello"), groupNames());
        vm.searchProperty().set("busy");
        assertEquals(4, groupNames().size());
    }

    @Test
    void stateFilterKeepsOnlyMatchingContainers() {
        vm.stateFilterProperty().set(StateFilter.STOPPED);
        assertEquals(List.of("[shop]", "batch"), groupNames());
        assertEquals(1, vm.groupsProperty().get().getFirst().containers().size());
    }

    @Test
    void bulkStartActsOnEverySelectedContainerAndReloads() {
        vm.setSelection(List.of("d1", "b1"));
        vm.startSelected();
        assertTrue(engine.calls.containsAll(List.of("startContainer d1", "startContainer b1")));
        assertTrue(vm.items().stream().allMatch(c -> c.state().equals("running")));
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void bulkFailureNamesEachFailedContainerWithTheEngineMessageAndGoesOn() {
        engine.failOn("stopContainer w1", "cannot stop container: permission denied");
        vm.setSelection(List.of("w1", "h1"));
        vm.stopSelected();
        assertEquals("shop-web-1: cannot stop container: permission denied", vm.errorProperty().get());
        assertTrue(engine.calls.contains("stopContainer h1"));
        assertEquals("exited", vm.items().stream().filter(c -> c.id().equals("h1")).findFirst().orElseThrow().state());
    }

    @Test
    void removeForcesAndForgetsRemovedContainersFromTheSelection() {
        vm.setSelection(List.of("h1"));
        vm.removeSelected();
        assertTrue(engine.calls.contains("removeContainer h1 force"));
        assertEquals(0, vm.selectedCountProperty().get());
        assertFalse(groupNames().contains("hello"));
    }

    @Test
    void bulkCommandWithoutSelectionExplainsInsteadOfCallingTheEngine() {
        vm.restartSelected();
        assertEquals("Select one or more containers first.", vm.errorProperty().get());
        assertFalse(engine.calls.stream().anyMatch(c -> c.startsWith("restart")));
    }

    @Test
    void listFailureShowsTheEngineMessageAndEmptiesTheTable() {
        engine.failOn("listContainers", "Cannot reach the engine at unix:///x.sock: No such file or directory");
        vm.refresh();
        assertTrue(vm.items().isEmpty());
        assertTrue(vm.groupsProperty().get().isEmpty(), "the tree must not keep showing stale containers");
        assertEquals("Cannot reach the engine at unix:///x.sock: No such file or directory", vm.errorProperty().get());
    }

    @Test
    void inspectHandsTheDetailsOverOrShowsTheEngineError() {
        var got = new java.util.ArrayList<dev.berth.app.engine.ContainerDetails>();
        vm.inspect("h1", got::add);
        assertEquals("hello", got.getFirst().name());
        assertTrue(got.getFirst().running());
        vm.inspect("gone", got::add);
        assertEquals(1, got.size());
        assertEquals("No such container: gone", vm.errorProperty().get());
    }

    @Test
    void portLinksOpenOnLocalhostOrTheBoundAddress() {
        assertEquals("http://localhost:8081", vm.urlFor(new PortMapping("0.0.0.0", 8081, 80, "tcp")));
        assertEquals("http://127.0.0.1:9000", vm.urlFor(new PortMapping("127.0.0.1", 9000, 80, "tcp")));
        assertEquals("https://localhost:8443", vm.urlFor(new PortMapping("::", 8443, 443, "tcp")));
    }

    @Test
    void portLinksOfARemoteEngineOpenOnItsHost() {
        var remote = new ContainersViewModel(() -> engine, Async.sameThread(), () -> "build-box");
        assertEquals("http://build-box:8080", remote.urlFor(new PortMapping("0.0.0.0", 8080, 80, "tcp")));
    }

    @Test
    void statsStreamOnlyForRunningContainersInViewWhileThePageIsShown() {
        vm.setInView(List.of("w1", "d1", "h1"));
        assertEquals(java.util.Set.of(), engine.statsFollowed(), "the page is not shown yet");
        vm.setShown(true);
        assertEquals(java.util.Set.of("w1", "h1"), engine.statsFollowed(), "d1 has exited");
        engine.emitStats("w1", new ContainerStats(12.5, 3_000_000, 0));
        assertEquals(12.5, vm.statsOf("w1").get().cpuPercent());
        assertEquals(null, vm.statsOf("h1").get(), "no sample yet");

        vm.setInView(List.of("h1", "a1"));
        assertEquals(java.util.Set.of("h1", "a1"), engine.statsFollowed());
        assertTrue(engine.calls.contains("stats closed w1"), "scrolled out of view");
        assertEquals(null, vm.statsOf("w1").get(), "an old figure is not left standing");

        engine.containers.replaceAll(c -> c.id().equals("h1") ? container("h1", "hello", "exited", null) : c);
        vm.refresh();
        assertEquals(java.util.Set.of("a1"), engine.statsFollowed(), "a stopped container's stream is closed");

        vm.setShown(false);
        assertEquals(java.util.Set.of(), engine.statsFollowed());
        assertEquals(java.util.Set.of(), vm.statsFollowed());
    }

    @Test
    void aClearedPageClosesEveryStream() {
        vm.setShown(true);
        vm.setInView(List.of("w1", "a1"));
        assertEquals(2, engine.statsFollowed().size());
        vm.clear();
        assertEquals(java.util.Set.of(), engine.statsFollowed());
    }

    @Test
    void cpuAndMemoryAreComputedAsTheDockerCliDoes() {
        // 0.2 s of container CPU over 1 s of host CPU time on 4 CPUs: 80 % of one core.
        ContainerStats s = ContainerStats.compute(1_200_000_000L, 1_000_000_000L, 11_000_000_000L,
                10_000_000_000L, 4, 50_000_000, 20_000_000, 1_000_000_000);
        assertEquals(80.0, s.cpuPercent(), 1e-9);
        assertEquals(30_000_000, s.memoryBytes(), "the inactive page cache does not count");
        assertEquals(0.0, ContainerStats.compute(5, 0, 10, 0, 1, 1, 0, 0).cpuPercent(), "no previous sample yet");
    }
}
