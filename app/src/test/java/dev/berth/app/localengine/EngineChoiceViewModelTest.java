package dev.berth.app.localengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.support.Async;
import dev.berth.machine.MachineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Engine: the fields' checks, where the VM's size is saved, and the switch between native and the VM. */
class EngineChoiceViewModelTest {
    @TempDir
    Path home;

    private LocalEngines engines() {
        return new LocalEngines(Path.of("."), home.resolve("berthd.log"), Map.of("BERTH_HOME", home.toString()));
    }

    @Test
    void applyingTheVmSavesItsSizeAndSwitchesTheEngine() throws Exception {
        LocalEngines engines = engines();
        LocalEngineController controller = new LocalEngineController(List.of("true"), home.resolve("x.log"),
                () -> false,
                Duration.ofSeconds(1));
        List<LocalEngines.Kind> switched = new ArrayList<>();
        EngineChoiceViewModel vm = new EngineChoiceViewModel(engines, controller, Async.sameThread(),
                LocalEngines.Kind.NATIVE,
                switched::add);
        vm.kindProperty().set(LocalEngines.Kind.VM);
        vm.cpusProperty().set("4");
        vm.memoryMiBProperty().set(" 3072 ");
        vm.diskGiBProperty().set("20");
        vm.idleMinutesProperty().set("15");
        vm.apply();
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of(LocalEngines.Kind.VM), switched);
        assertEquals(EngineLauncher.Mode.VM, controller.launchMode());
        MachineConfig saved = engines.machine().config();
        assertEquals(List.of(4, 3072, 20, 15),
                List.of(saved.cpus(), saved.memoryMiB(), saved.diskGiB(), saved.idleMinutes()));
        assertTrue(Files.exists(home.resolve("machines/berth/config.json")), "where berth machine reads it too");
        vm.apply();
        assertEquals(1, switched.size(), "applying the same kind again switches nothing");
    }

    @Test
    void badFieldsAreNamedAndNothingIsSaved() {
        LocalEngines engines = engines();
        LocalEngineController controller = new LocalEngineController(List.of("true"), home.resolve("x.log"),
                () -> false,
                Duration.ofSeconds(1));
        EngineChoiceViewModel vm = new EngineChoiceViewModel(engines, controller, Async.sameThread(),
                LocalEngines.Kind.NATIVE,
                k -> {});
        vm.memoryMiBProperty().set("lots");
        vm.apply();
        assertEquals("The memory field needs a whole number, not \"lots\".", vm.errorProperty().get());
        vm.memoryMiBProperty().set("128");
        vm.apply();
        assertTrue(vm.errorProperty().get().contains("memory must be between 512 MiB"), vm.errorProperty().get());
        assertTrue(!Files.exists(home.resolve("machines/berth/config.json")));
        assertEquals(EngineLauncher.Mode.DIRECT, controller.launchMode());
    }

    @Test
    void anExistingDiskOnlyGrows() throws Exception {
        LocalEngines engines = engines();
        engines.machine().saveConfig(MachineConfig.defaults().withSize(2, 2048, 64));
        Files.writeString(engines.machine().paths().dataDisk(), "");
        EngineChoiceViewModel vm = new EngineChoiceViewModel(engines, new LocalEngineController(List.of("true"),
                home.resolve("x.log"), () -> false, Duration.ofSeconds(1)), Async.sameThread(), LocalEngines.Kind.VM,
                k -> {});
        vm.diskGiBProperty().set("10");
        vm.apply();
        assertEquals("The disk can only grow: it is 64 GiB now.", vm.errorProperty().get());
    }
}
