package dev.berth.app.files;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.ImageSummary;
import java.util.Comparator;
import java.util.List;

/**
 * A volume's contents, seen through a short-lived helper container: one that mounts the volume at
 * {@value #MOUNT_POINT} and only sleeps, started from a small local image (busybox or alpine when there, else the
 * smallest image), and removed (forced) when the browser closes. The archive API then reads and writes the volume
 * as it would any directory of that container.
 */
public final class VolumeFiles implements FileSource {
    public static final String MOUNT_POINT = "/volume";
    private final Engine engine;
    private final String volume;
    private final String helperId;

    private VolumeFiles(Engine engine, String volume, String helperId) {
        this.engine = engine;
        this.volume = volume;
        this.helperId = helperId;
    }

    /** Starts the helper (blocking; call off the FX thread). */
    public static VolumeFiles open(Engine engine, String volume) {
        String image = helperImage(engine.listImages());
        return new VolumeFiles(engine, volume, engine.startVolumeHelper(volume, image, MOUNT_POINT));
    }

    /** A small image that has {@code sleep}: busybox or alpine by name, else the smallest local image. */
    static String helperImage(List<ImageSummary> images) {
        for (String wanted : List.of("busybox", "alpine")) {
            for (ImageSummary i : images) {
                for (String tag : i.repoTags()) {
                    String repo = tag.contains(":") ? tag.substring(0, tag.lastIndexOf(':')) : tag;
                    if (repo.equals(wanted) || repo.endsWith("/" + wanted)) {
                        return tag;
                    }
                }
            }
        }
        return images.stream().filter(i -> !i.repoTags().isEmpty()).min(Comparator.comparingLong(ImageSummary::size))
                .map(i -> i.repoTags().getFirst())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Browsing a volume needs a local image with a shell (busybox or alpine); pull one first."));
    }

    @Override
    public String containerId() {
        return helperId;
    }

    @Override
    public String root() {
        return MOUNT_POINT;
    }

    @Override
    public String label() {
        return volume;
    }

    @Override
    public void close() {
        engine.removeContainer(helperId, true);
    }
}
