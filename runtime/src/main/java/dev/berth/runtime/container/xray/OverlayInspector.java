package dev.berth.runtime.container.xray;

import dev.berth.runtime.container.files.Change;
import dev.berth.runtime.container.files.ChangeScanner;
import dev.berth.runtime.storage.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container's overlay root as the kernel has it mounted: the lowerdirs from the live mount's options (short
 * links, see storage.OverlayMounts) matched to the image's layers by where they lead, and the upper dir's changes.
 * When the mount cannot be read the layers berthd would mount are shown instead ({@code mounted} false).
 */
public final class OverlayInspector {
    /** Enough changes to learn from; a container that rewrote a whole tree would otherwise send megabytes. */
    static final int MAX_CHANGES = 500;

    private final ChangeScanner changes;

    public OverlayInspector(ChangeScanner changes) {
        this.changes = changes;
    }

    /**
     * @param mountinfo berthd's mountinfo lines (the container's merged dir is mounted in berthd's namespace)
     * @param layers the image's layers, topmost first
     */
    public OverlayView inspect(List<String> mountinfo, Path merged, Path upper, Path work, List<Layer> layers)
            throws IOException {
        Optional<MountInfo.Entry> mount = MountInfo.find(mountinfo, merged.toAbsolutePath().normalize().toString())
                .filter(e -> e.fsType().equals("overlay"));
        List<OverlayLayer> lowers = new ArrayList<>();
        String upperDir = upper.toString();
        String workDir = work.toString();
        if (mount.isPresent() && mount.get().superOptions().containsKey("lowerdir")) {
            String[] dirs = mount.get().superOptions().get("lowerdir").split(":");
            for (int i = 0; i < dirs.length; i++) {
                lowers.add(describe(i, dirs[i], match(Path.of(dirs[i]), layers, i)));
            }
            upperDir = mount.get().superOptions().getOrDefault("upperdir", upperDir);
            workDir = mount.get().superOptions().getOrDefault("workdir", workDir);
        } else {
            for (int i = 0; i < layers.size(); i++) {
                lowers.add(describe(i, layers.get(i).diffDir().toString(), Optional.of(layers.get(i))));
            }
        }
        List<Change> all = changes.scan(upper, layers.stream().map(Layer::diffDir).toList());
        List<FileChange> shown = all.stream().limit(MAX_CHANGES).map(c -> new FileChange(c.path(), kind(c.kind())))
                .toList();
        return new OverlayView(merged.toString(), upperDir, workDir, mount.isPresent(), lowers, shown,
                all.size() > MAX_CHANGES);
    }

    /** The layer whose diff dir the lowerdir leads to; the same position in the image when links cannot be followed. */
    private static Optional<Layer> match(Path lowerDir, List<Layer> layers, int position) {
        Optional<Path> real = realPath(lowerDir);
        if (real.isPresent()) {
            for (Layer l : layers) {
                if (realPath(l.diffDir()).equals(real)) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }
        return position < layers.size() ? Optional.of(layers.get(position)) : Optional.empty();
    }

    private static OverlayLayer describe(int position, String dir, Optional<Layer> layer) {
        return new OverlayLayer(position, dir, layer.map(l -> l.diffId().toString()).orElse(""),
                layer.map(l -> l.chainId().toString()).orElse(""), layer.map(Layer::size).orElse(0L));
    }

    private static Optional<Path> realPath(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String kind(int kind) {
        return switch (kind) {
            case Change.ADDED -> "added";
            case Change.DELETED -> "deleted";
            default -> "changed";
        };
    }

    /** Reads mountinfo of {@code proc}/self; empty when unreadable (not Linux). */
    public static List<String> selfMountinfo(Path proc) {
        try {
            return Files.readAllLines(proc.resolve("self").resolve("mountinfo"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
