package dev.berth.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.support.Async;
import dev.berth.app.testing.FakeEngine;
import org.junit.jupiter.api.Test;

class InspectViewModelTest {
    private final FakeEngine engine = new FakeEngine();

    @Test
    void containerAndImageAsTreeAndRaw() {
        engine.inside.containerJson = "{\"Id\":\"c1\",\"Image\":\"sha256:bb\",\"NetworkSettings\":{\"IPAddress\":\"172.30.0.5\","
                + "\"Ports\":{}},\"Config\":{\"Env\":[\"A=1\",\"B=2\"]}}";
        var vm = new InspectViewModel(() -> engine, Async.sameThread(), "c1");
        vm.load();
        JsonTree tree = vm.treeProperty().get();
        assertEquals("container", tree.key());
        assertEquals(4, tree.children().size());
        assertTrue(vm.rawProperty().get().contains("\n"), "pretty-printed");
        assertTrue(engine.calls.contains("inspectImageJson sha256:bb"));

        vm.searchProperty().set("ipaddress");
        JsonTree found = vm.treeProperty().get();
        assertEquals(1, found.children().size());
        assertEquals("NetworkSettings", found.children().getFirst().key());
        assertEquals("\"172.30.0.5\"", found.children().getFirst().children().getFirst().value());

        vm.searchProperty().set("b=2");
        assertEquals("[1]",
                vm.treeProperty().get().children().getFirst().children().getFirst().children().getFirst().key());

        vm.searchProperty().set("");
        vm.subjectProperty().set(InspectViewModel.Subject.IMAGE);
        assertEquals("image", vm.treeProperty().get().key());
        assertTrue(vm.rawProperty().get().contains("busybox:latest"));
    }

    @Test
    void anEngineErrorIsShown() {
        engine.failOn("inspectContainerJson", "No such container: c1");
        var vm = new InspectViewModel(() -> engine, Async.sameThread(), "c1");
        vm.load();
        assertEquals("No such container: c1", vm.errorProperty().get());
    }
}
