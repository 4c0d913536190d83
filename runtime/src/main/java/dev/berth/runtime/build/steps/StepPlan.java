package dev.berth.runtime.build.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.storage.Layer;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a step will do, decided before it runs so that the cache can be asked first.
 *
 * @param createdBy    the step as the image's history records it (moby's form: {@code /bin/sh -c #(nop)  ENV a=b},
 *                     {@code |1 V=2 /bin/sh -c make}, {@code /bin/sh -c #(nop) COPY file:<hash> in /app })
 * @param inputs       what else the result depends on (content of bound files, mount options); part of the cache key
 * @param imageChange  how the step changes the image config JSON (metadata steps), applied to a copy
 * @param stepCmd      the command recorded in the image's {@code container_config}
 * @param work         the work when the cache has nothing, or null for steps that only change the config
 */
record StepPlan(String createdBy, String inputs, Consumer<ObjectNode> imageChange, List<String> stepCmd, Work work) {

    /** A step's work: makes its layer (or none) in a container or a mounted root. */
    @FunctionalInterface
    interface Work {
        Result run();
    }

    /** What the work made: a layer or null (no change), and the container it ran in, or null. */
    record Result(Layer layer, String containerId) {}

    /** A step that changes only the run config ({@code config} in the image JSON). */
    static StepPlan metadata(BuildState s, String text, Consumer<ObjectNode> configChange) {
        return image(s, text, image -> configChange.accept((ObjectNode) image.get("config")));
    }

    /** A step that changes only the image JSON. */
    static StepPlan image(BuildState s, String text, Consumer<ObjectNode> imageChange) {
        List<String> cmd = new java.util.ArrayList<>(s.shell());
        cmd.add("#(nop) ");
        cmd.add(text);
        return new StepPlan(String.join(" ", cmd), "", imageChange, cmd, null);
    }

    /** A step that changes neither (RUN, COPY: their change is their layer). */
    static StepPlan work(String createdBy, String inputs, List<String> stepCmd, Work work) {
        return new StepPlan(createdBy, inputs, image -> {}, stepCmd, work);
    }
}
