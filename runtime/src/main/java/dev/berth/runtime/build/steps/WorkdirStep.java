package dev.berth.runtime.build.steps;

import dev.berth.dockerfile.instructions.Instruction;
import dev.berth.runtime.container.run.ContainerPaths;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;

/**
 * WORKDIR: sets the working directory (a relative path is taken from the current one) and creates it, owned by
 * root, when the image lacks it — so a later RUN, or {@code docker exec}, never starts in a directory that is not
 * there. An existing directory adds no layer.
 */
final class WorkdirStep {
    private final BuildTools tools;
    private final BuildSession session;

    WorkdirStep(BuildTools tools, BuildSession session) {
        this.tools = tools;
        this.session = session;
    }

    StepPlan plan(BuildState s, Instruction.Workdir w) {
        String path = session.lex().word(w.path(), s.expansionEnv()).strip();
        if (path.isEmpty()) {
            throw new InvalidArgumentException(
                    "WORKDIR requires exactly one argument (line " + w.node().startLine() + ")");
        }
        String dir = CopyStep.absolute(path, s.workingDir());
        StepPlan nop = StepPlan.metadata(s, "WORKDIR " + dir, c -> c.put("WorkingDir", dir));
        return new StepPlan(nop.createdBy(), "", nop.imageChange(), nop.stepCmd(), () -> create(s, dir));
    }

    private StepPlan.Result create(BuildState s, String dir) {
        try (BuildRoot root = BuildRoot.mount(tools.overlay(), tools.images().layers(), s.layers(),
                session.scratchDir("workdir"))) {
            if (!Files.isDirectory(ContainerPaths.resolve(root.path(), dir, true))) {
                Dirs.mkdirs(tools.sys(), root.path(), dir, new int[]{0, 0});
            }
            return new StepPlan.Result(root.commit(tools.images().layers(), s.topChainId()), null);
        } catch (IOException e) {
            throw new EngineException("cannot create the WORKDIR " + dir + ": " + e.getMessage(), e);
        }
    }
}
