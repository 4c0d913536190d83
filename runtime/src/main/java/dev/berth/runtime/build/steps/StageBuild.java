package dev.berth.runtime.build.steps;

import dev.berth.dockerfile.Node;
import dev.berth.dockerfile.instructions.Instruction;
import dev.berth.dockerfile.instructions.InstructionParser;
import dev.berth.dockerfile.instructions.Stage;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.store.ImageRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds one stage: its FROM (a stage, an image, or scratch; then the base image's ONBUILD triggers), then each
 * instruction as a step, dispatched to the class that plans it.
 */
final class StageBuild {
    private final BuildSession session;
    private final Stages stages;
    private final BaseImages bases;
    private final GlobalArgs globals;
    private final StepRunner runner;
    private final MetadataSteps metadata;
    private final RunStep run;
    private final CopyStep copy;
    private final WorkdirStep workdir;

    StageBuild(BuildTools tools, BuildSession session, Stages stages, GlobalArgs globals, BaseImages bases) {
        this.session = session;
        this.stages = stages;
        this.bases = bases;
        this.globals = globals;
        this.runner = new StepRunner(tools, session);
        this.metadata = new MetadataSteps(session, globals);
        this.run = new RunStep(tools, session, stages);
        this.copy = new CopyStep(tools, session, stages);
        this.workdir = new WorkdirStep(tools, session);
    }

    /** Builds the stage, then {@code extra}; returns its final state. */
    BuildState run(Stage stage, List<Instruction> extra) {
        BuildState s = from(stage);
        List<Instruction> all = new ArrayList<>(stage.instructions());
        all.addAll(extra);
        for (Instruction i : all) {
            session.beginStep(i.node().original());
            dispatch(s, i);
        }
        if (s.imageId() == null) {
            throw new InvalidArgumentException("No image was generated. Is your Dockerfile empty?");
        }
        return s;
    }

    private void dispatch(BuildState s, Instruction i) {
        StepPlan plan = switch (i) {
            case Instruction.Run r -> run.plan(s, r);
            case Instruction.Copy c -> copy.plan(s, c);
            case Instruction.Workdir w -> workdir.plan(s, w);
            case Instruction.From f -> throw new IllegalStateException("FROM inside a stage");
            default -> metadata.plan(s, i);
        };
        runner.run(s, plan);
    }

    private BuildState from(Stage stage) {
        Instruction.From from = stage.from();
        session.beginStep(from.node().original());
        String name = session.lex().word(from.image(), globals.fromEnv()).strip();
        if (name.isEmpty()) {
            throw new InvalidArgumentException(
                    "base name (" + from.image() + ") should not be blank (line " + from.node().startLine() + ")");
        }
        Platform platform = stages.platform(from.platform());
        BuildState s;
        if (name.toLowerCase(Locale.ROOT).equals("scratch")) {
            s = new BuildState(stage, scratch(platform), null, List.of());
            session.say(" ---> \n");
        } else {
            BuildState base = stages.stage(name, stage);
            if (base != null) {
                s = new BuildState(stage, base.image().deepCopy(), base.imageId(), base.layers());
            } else {
                ImageRecord image = bases.get(name, platform);
                s = new BuildState(stage, bases.config(image), image.id(), image.layers());
            }
            session.say(" ---> " + s.imageId().shortHex() + "\n");
        }
        triggers(s, from.node());
        return s;
    }

    /** The base image's ONBUILD triggers run first, as if written after the FROM; the child does not inherit them. */
    private void triggers(BuildState s, Node fromNode) {
        List<String> triggers = BuildState.strings(s.config().get("OnBuild"));
        if (triggers.isEmpty()) {
            return;
        }
        s.config().remove("OnBuild");
        session.say("# Executing " + triggers.size() + " build trigger" + (triggers.size() == 1 ? "" : "s") + "\n");
        for (String trigger : triggers) {
            String[] parts = trigger.strip().split("\\s+", 2);
            Node node = new Node(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "", trigger,
                    List.of(), fromNode.startLine(), fromNode.endLine());
            dispatch(s, InstructionParser.parse(node, session.plan().escape()));
        }
    }

    /** The config of an image FROM scratch: nothing but the platform. */
    private static com.fasterxml.jackson.databind.node.ObjectNode scratch(Platform platform) {
        Platform p = platform == null ? Platform.host() : platform;
        var image = dev.berth.runtime.common.Json.MAPPER.createObjectNode();
        image.put("architecture", p.architecture());
        image.put("os", p.os());
        if (p.variant() != null && !p.variant().isEmpty()) {
            image.put("variant", p.variant());
        }
        image.putObject("config");
        image.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        image.putArray("history");
        return image;
    }
}
