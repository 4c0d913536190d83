package dev.berth.runtime.container.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.EngineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeSelectorTest {
    @TempDir
    Path execRoot;

    /** A runtime whose probe verdict is fixed. */
    private static final class FixedRuntime extends CliOciRuntime {
        private final RuntimeUsability verdict;

        FixedRuntime(String name, RuntimeUsability verdict, Path execRoot) {
            super(name, Path.of("/bin/true"), execRoot);
            this.verdict = verdict;
        }

        @Override
        public RuntimeUsability usability() {
            return verdict;
        }
    }

    @Test
    void picksTheFirstUsable() {
        OciRuntime crun = new FixedRuntime("crun", RuntimeUsability.unusable("cgroups in hybrid mode not supported"),
                execRoot);
        OciRuntime runc = new FixedRuntime("runc", RuntimeUsability.ok(), execRoot);
        assertSame(runc, new RuntimeSelector(List.of(crun, runc)).select(Optional.empty()));
    }

    @Test
    void honoursTheConfiguredOneAndExplainsWhyItCannotWork() {
        OciRuntime crun = new FixedRuntime("crun", RuntimeUsability.unusable("cgroups in hybrid mode not supported"),
                execRoot);
        OciRuntime runc = new FixedRuntime("runc", RuntimeUsability.ok(), execRoot);
        RuntimeSelector selector = new RuntimeSelector(List.of(crun, runc));
        assertSame(runc, selector.select(Optional.of("runc")));
        OciRuntime chosen = selector.select(Optional.of("crun"));
        assertInstanceOf(MissingRuntime.class, chosen);
        EngineException e = assertThrows(EngineException.class, () -> chosen.start("x"));
        assertTrue(e.getMessage().contains("hybrid"), e.getMessage());
        assertTrue(selector.select(Optional.of("youki")).usability().reason().contains("unknown runtime"));
    }

    @Test
    void noneUsableGivesEveryReason() {
        OciRuntime a = new FixedRuntime("crun", RuntimeUsability.unusable("reason A"), execRoot);
        OciRuntime b = new FixedRuntime("runc", RuntimeUsability.unusable("reason B"), execRoot);
        OciRuntime chosen = new RuntimeSelector(List.of(a, b)).select(Optional.empty());
        assertEquals("crun: reason A; runc: reason B", chosen.usability().reason());
        assertThrows(EngineException.class, () -> chosen.state("x"));
    }

    @Test
    void stateDirIsPerRuntimeUnderTheExecRoot() {
        assertEquals(execRoot.resolve("runtime/runc"), RuncRuntime.onPath(execRoot).stateRoot());
        assertEquals(List.of("--root", execRoot.resolve("runtime/crun").toString()),
                CrunRuntime.onPath(execRoot).globalArgs());
    }

    @Test
    void aMissingBinaryIsUnusableWithAReason() {
        RuntimeUsability u = new RuncRuntime(execRoot.resolve("no-such-runc"), execRoot).usability();
        assertTrue(!u.usable() && u.reason().contains("not installed"), u.reason());
    }
}
