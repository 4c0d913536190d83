package dev.berth.app.builds;

import dev.berth.app.engine.BuildSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A build a person ran, remembered so that it can be run again: its form, when, and how it ended.
 *
 * @param ok      whether it succeeded
 * @param imageId the image it made, or empty
 */
public record RecentBuild(String folder, String dockerfile, List<String> tags, Map<String, String> buildArgs,
        String target,
        boolean noCache, boolean pull, long finishedAtMillis, boolean ok, String imageId) {
    public RecentBuild {
        tags = tags == null ? List.of() : List.copyOf(tags);
        buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
        dockerfile = dockerfile == null ? "" : dockerfile;
        target = target == null ? "" : target;
        imageId = imageId == null ? "" : imageId;
    }

    static RecentBuild of(BuildSpec spec, long at, boolean ok, String imageId) {
        return new RecentBuild(spec.contextDir().toString(), spec.dockerfile(), spec.tags(), spec.buildArgs(),
                spec.target(),
                spec.noCache(), spec.pull(), at, ok, imageId);
    }

    BuildSpec spec() {
        return new BuildSpec(Path.of(folder), dockerfile, tags, buildArgs, target, noCache, pull);
    }

    /** How the list shows it: the name it gave (or the folder) and the folder. */
    public String label() {
        String name = tags.isEmpty() ? Path.of(folder).getFileName() + "" : tags.getFirst();
        return name + "  —  " + folder;
    }
}
