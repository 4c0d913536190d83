package dev.berth.app.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.NetworkSummary;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworksViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final NetworksViewModel vm = new NetworksViewModel(() -> engine, Async.sameThread());

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        engine.networks.add(new NetworkSummary("n1", "web", "bridge", "local", false, List.of("172.18.0.0/16")));
        engine.networks.add(new NetworkSummary("n0", "bridge", "bridge", "local", false, List.of("172.17.0.0/16")));
        engine.networks.add(new NetworkSummary("n2", "host", "host", "local", false, List.of()));
        vm.refresh();
    }

    @Test
    void builtInNetworksComeFirst() {
        assertEquals(List.of("bridge", "host", "web"), vm.items().stream().map(NetworkSummary::name).toList());
    }

    @Test
    void createsWithSubnetAndInternalFlag() {
        vm.create("backend", "10.10.0.0/24", true);
        assertTrue(engine.calls.contains("createNetwork backend 10.10.0.0/24 internal"));
        assertTrue(vm.items().stream().anyMatch(n -> n.name().equals("backend") && n.internal()));
        assertEquals("Created network backend.", vm.noticeProperty().get());
    }

    @Test
    void refusesBadSubnetsAndNamesBeforeTheEngine() {
        vm.create("x", "10.0.0.0", false);
        assertEquals("'10.0.0.0' is not a subnet. Write it like 172.30.0.0/16 (prefix between 8 and 30).",
                vm.errorProperty().get());
        vm.create("x", "300.1.1.1/16", false);
        assertTrue(vm.errorProperty().get().startsWith("'300.1.1.1/16' is not a subnet"));
        vm.create("", "", false);
        assertTrue(vm.errorProperty().get().startsWith("'' is not a valid network name"));
        assertFalse(engine.calls.stream().anyMatch(c -> c.startsWith("createNetwork")));
    }

    @Test
    void engineRefusalIsShownPlainly() {
        engine.failOn("createNetwork", "Pool overlaps with other one on this address space");
        vm.create("dup", "172.18.0.0/16", false);
        assertEquals("Pool overlaps with other one on this address space", vm.errorProperty().get());
    }

    @Test
    void builtInNetworksAreNotSentForRemoval() {
        vm.remove(List.of(vm.items().get(0)));
        assertEquals("The network 'bridge' is built into the engine and cannot be removed.", vm.errorProperty().get());
        vm.remove(List.of(vm.items().get(2)));
        assertTrue(engine.calls.contains("removeNetwork n1"));
        assertEquals(2, vm.items().size());
    }
}
