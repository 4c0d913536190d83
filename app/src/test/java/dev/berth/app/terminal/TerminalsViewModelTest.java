package dev.berth.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TerminalsViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final List<List<String>> launched = new ArrayList<>();
    private TerminalsViewModel vm;

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        vm = new TerminalsViewModel(() -> engine, Async.sameThread(), "c1", "web", () -> "unix:///run/berth.sock",
                launched::add);
    }

    @Test
    void automaticShellIsBashWhenTheImageHasIt() {
        engine.inside.dir("/bin").file("/bin/bash", "elf").file("/bin/sh", "elf");
        vm.open();
        assertEquals(1, vm.sessions().size());
        assertEquals("/bin/bash", vm.sessions().getFirst().shell());
        assertTrue(engine.inside.calls.contains("openTerminal c1 /bin/bash 80x24"), engine.inside.calls.toString());
    }

    @Test
    void automaticShellFallsBackToSh() {
        engine.inside.dir("/bin").file("/bin/sh", "elf");
        vm.open();
        assertEquals("/bin/sh", vm.sessions().getFirst().shell());
        assertEquals("web 1 · sh", vm.sessions().getFirst().title());
    }

    @Test
    void anImageWithoutAShellIsSaidPlainly() {
        vm.open();
        assertTrue(vm.sessions().isEmpty());
        assertTrue(vm.errorProperty().get().contains("no shell"), vm.errorProperty().get());
    }

    @Test
    void aChosenShellIsUsedAsIs() {
        vm.shellProperty().set(new ShellChoice("/bin/zsh"));
        vm.open();
        assertEquals("/bin/zsh", vm.sessions().getFirst().shell());
        assertFalse(engine.inside.calls.stream().anyMatch(c -> c.startsWith("statPath")),
                "no probe for a chosen shell");
    }

    @Test
    void severalTerminalsAndClosingOne() throws Exception {
        engine.inside.file("/bin/sh", "elf");
        vm.open();
        vm.open();
        assertEquals(2, vm.sessions().size());
        var first = vm.sessions().getFirst();
        first.exec().input().write("ls\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("ls\n", engine.inside.terminals.getFirst().typed.toString(StandardCharsets.UTF_8));
        vm.close(first);
        assertEquals(1, vm.sessions().size());
        assertFalse(first.exec().isOpen());
        assertTrue(first.endedProperty().get(), "the watcher saw the session end");
        vm.close();
        assertTrue(vm.sessions().isEmpty());
    }

    @Test
    void externalTerminalRunsDockerExecWithTheEngineAddress() {
        engine.inside.file("/bin/sh", "elf");
        vm.openExternal();
        assertEquals(1, launched.size());
        List<String> argv = launched.getFirst();
        assertTrue(String.join(" ", argv).endsWith("docker --host unix:///run/berth.sock exec -it c1 /bin/sh"),
                argv.toString());
    }
}
