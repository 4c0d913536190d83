package dev.berth.runtime.container.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecStoreTest {
    private static ExecConfig cmd(String... args) {
        return new ExecConfig(List.of(args), null, null, null, false, true, true, false, false, null, 0, 0);
    }

    @Test
    void resolvesByIdOrUniquePrefixAndListsByContainer() {
        ExecStore store = new ExecStore();
        ExecInstance a = store.add("c1", cmd("ls"));
        ExecInstance b = store.add("c2", cmd("ps"));
        assertEquals(64, a.id().length());
        assertSame(a, store.resolve(a.id()));
        assertSame(b, store.resolve(b.id().substring(0, 20)));
        assertEquals(List.of(a.id()), store.idsOf("c1"));
        assertThrows(NotFoundException.class, () -> store.resolve("nope"));
        assertThrows(NotFoundException.class, () -> store.resolve(""));
        store.forget("c1");
        assertTrue(store.idsOf("c1").isEmpty());
        assertThrows(NotFoundException.class, () -> store.resolve(a.id()));
    }

    @Test
    void anExecStartsOnce() {
        ExecInstance e = new ExecStore().add("c", cmd("true"));
        assertTrue(e.claimStart());
        assertFalse(e.claimStart());
        e.exited(3);
        assertEquals(3, e.exitCode());
        assertFalse(e.running());
    }

    @Test
    void commandLineAndStartFailureCodes() {
        assertEquals("sh -c exit 4", cmd("sh", "-c", "exit 4").commandLine());
        assertEquals(127, ExecService.startFailureCode("exec: \"/x\": stat /x: no such file or directory"));
        assertEquals(127, ExecService.startFailureCode("executable file not found in $PATH"));
        assertEquals(126, ExecService.startFailureCode("permission denied"));
        assertEquals(126, ExecService.startFailureCode(null));
    }

    @Test
    void laterEnvironmentEntriesWin() {
        assertEquals(List.of("PATH=/bin", "A=2", "B"),
                ExecProcessFactory.lastWins(List.of("PATH=/usr/bin", "A=1", "B", "A=2", "PATH=/bin")));
    }
}
