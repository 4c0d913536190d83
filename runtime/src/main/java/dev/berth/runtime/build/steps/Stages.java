package dev.berth.runtime.build.steps;

import dev.berth.dockerfile.instructions.Instruction;
import dev.berth.dockerfile.instructions.Stage;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.LayerRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds stages on demand, each once: the target first asks for the stages it names ({@code FROM stage}, {@code
 * COPY --from}, {@code RUN --mount=from=}), so only the stages the target needs are built, in the order it needs
 * them. Each finished stage reports its image ID as dockerd does ({@code {"aux":{"ID":…}}}).
 */
public final class Stages {
    /** A stage's or image's files, for reading: its ID and layers. */
    record Source(dev.berth.runtime.digest.Digest imageId, List<LayerRef> layers) {}

    private final BuildTools tools;
    private final BuildSession session;
    private final GlobalArgs globals;
    private final BaseImages bases;
    private final Map<Integer, BuildState> built = new HashMap<>();
    private final Set<Integer> building = new HashSet<>();

    public Stages(BuildTools tools, BuildSession session) {
        this.tools = tools;
        this.session = session;
        this.globals = new GlobalArgs(session.plan(), session.args(), session.lex());
        this.bases = new BaseImages(tools, session);
    }

    /** Builds {@code stage} (and what it needs), then runs {@code extra} in it (the request's labels). */
    public BuildState build(Stage stage, List<Instruction> extra) {
        BuildState done = built.get(stage.index());
        if (done != null && extra.isEmpty()) {
            return done;
        }
        if (!building.add(stage.index())) {
            throw new InvalidArgumentException("stage " + stage.label() + " depends on itself");
        }
        try {
            BuildState s = new StageBuild(tools, session, this, globals, bases).run(stage, extra);
            built.put(stage.index(), s);
            session.emit(ProgressMessage.aux(java.util.Map.of("ID", s.imageId().toString())));
            return s;
        } finally {
            building.remove(stage.index());
        }
    }

    /** The stage {@code nameOrIndex} names if it comes before {@code current}, built; else null (it is an image). */
    BuildState stage(String nameOrIndex, Stage current) {
        Stage s = session.plan().stage(nameOrIndex);
        if (s == null) {
            return null;
        }
        if (s.index() >= current.index()) {
            if (nameOrIndex.matches("\\d+")) {
                throw new InvalidArgumentException(
                        "invalid from flag value " + nameOrIndex + ": refers to current or later build stage");
            }
            return null;
        }
        return build(s, List.of());
    }

    /** The files of a stage or an image, for COPY --from and RUN --mount=from=. */
    Source source(String from, Stage current) {
        BuildState s = stage(from, current);
        if (s != null) {
            return new Source(s.imageId(), s.layers());
        }
        ImageRecord image = bases.get(from, null);
        return new Source(image.id(), image.layers());
    }

    /**
     * How many steps building {@code target} takes (for {@code Step N/M}): its instructions and those of the
     * stages it needs.
     */
    public int countSteps(Stage target) {
        int total = 0;
        for (Stage s : needed(target)) {
            total += 1 + s.instructions().size();
        }
        return total;
    }

    /**
     * The stages {@code target} needs, itself included, in Dockerfile order — found by a first reading of FROM,
     * {@code COPY --from} and {@code RUN --mount=from=} with the global ARGs. Building them in this order prints the
     * steps in the order dockerd does; a reference this reading missed is still built when it is met.
     */
    public List<Stage> needed(Stage target) {
        Set<Integer> needed = new HashSet<>();
        List<Stage> todo = new ArrayList<>(List.of(target));
        while (!todo.isEmpty()) {
            Stage s = todo.removeLast();
            if (!needed.add(s.index())) {
                continue;
            }
            List<String> refs = new ArrayList<>();
            refs.add(session.lex().word(s.from().image(), globals.fromEnv()));
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Copy c && c.from() != null) {
                    refs.add(session.lex().word(c.from(), globals.fromEnv()));
                } else if (i instanceof Instruction.Run r) {
                    for (String m : r.mounts()) {
                        int at = m.indexOf("from=");
                        if (at >= 0) {
                            refs.add(m.substring(at + 5).split(",")[0]);
                        }
                    }
                }
            }
            for (String ref : refs) {
                Stage dep = session.plan().stage(ref);
                if (dep != null && dep.index() < s.index()) {
                    todo.add(dep);
                }
            }
        }
        return session.plan().stages().stream().filter(s -> needed.contains(s.index())).toList();
    }

    /** The platform of base images: the request's, else this machine's. */
    Platform platform(String fromFlag) {
        String text = fromFlag != null ? session.lex().word(fromFlag, globals.fromEnv()) : session.request().platform();
        return text == null || text.isBlank() ? null : Platform.parse(text);
    }
}
