package dev.berth.dockerfile.instructions;

import dev.berth.dockerfile.DockerfileSyntaxException;
import dev.berth.dockerfile.Node;
import dev.berth.dockerfile.ParsedDockerfile;
import dev.berth.dockerfile.DockerfileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Dockerfile as stages: the ARGs before the first FROM (visible only in FROM lines) and the stages in order.
 *
 * @param globalArgs the ARGs before the first FROM
 * @param stages     every stage, in order
 * @param escape     the Dockerfile's escape character, for expanding the instructions' words
 */
public record BuildPlan(List<Instruction.Arg> globalArgs, List<Stage> stages, char escape) {
    public BuildPlan {
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
    }

    /** Types every node and splits the list at each FROM. */
    public static BuildPlan of(ParsedDockerfile dockerfile) {
        List<Instruction.Arg> globals = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Instruction.From from = null;
        List<Instruction> current = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node node : dockerfile.nodes()) {
            Instruction instruction = InstructionParser.parse(node, dockerfile.escape());
            if (instruction instanceof Instruction.From f) {
                if (from != null) {
                    stages.add(new Stage(stages.size(), from.stageName(), from, current));
                }
                if (f.stageName() != null && !names.add(f.stageName())) {
                    throw new DockerfileSyntaxException(node.startLine(), "duplicate name " + f.stageName());
                }
                from = f;
                current = new ArrayList<>();
            } else if (from == null) {
                if (!(instruction instanceof Instruction.Arg arg)) {
                    throw new DockerfileSyntaxException(node.startLine(), "no build stage in current context");
                }
                globals.add(arg);
            } else {
                current.add(instruction);
            }
        }
        if (from == null) {
            throw new DockerfileSyntaxException(dockerfile.nodes().getLast().startLine(),
                    "no build stage in current context");
        }
        stages.add(new Stage(stages.size(), from.stageName(), from, current));
        return new BuildPlan(globals, stages, dockerfile.escape());
    }

    /** The stage a {@code --target} or {@code --from} names: by AS name (any case) or by index. */
    public Stage stage(String nameOrIndex) {
        String wanted = nameOrIndex.toLowerCase(java.util.Locale.ROOT);
        for (Stage s : stages) {
            if (wanted.equals(s.name())) {
                return s;
            }
        }
        if (wanted.matches("\\d{1,6}")) {
            int i = Integer.parseInt(wanted);
            if (i < stages.size()) {
                return stages.get(i);
            }
        }
        return null;
    }

    /** The stage to build: the named target, or the last. */
    public Stage target(String target) {
        if (target == null || target.isEmpty()) {
            return stages.getLast();
        }
        Stage s = stage(target);
        if (s == null || s.name() == null) {
            throw new DockerfileException("failed to reach build target " + target + " in Dockerfile");
        }
        return s;
    }
}
