package dev.berth.runtime.api.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.storage.Layer;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers section of {@code GET /system/df}: each container's {@code docker ps} summary plus
 * {@code SizeRw} (bytes written to its upper dir) and {@code SizeRootFs} (that plus its image layers).
 */
public final class ContainersDiskUsage {
    private final ContainerServices containers;
    private final ContainerViews views;

    public ContainersDiskUsage(ContainerServices containers) {
        this.containers = containers;
        this.views = new ContainerViews(containers);
    }

    /** One entry per container, for DiskUsageSource.containers(). */
    public List<Object> containers() {
        List<Object> out = new ArrayList<>();
        for (Container c : containers.store().list()) {
            ObjectNode o = views.summary(c);
            long rw = treeSize(RootFs.upper(containers.store().dir(c.id())));
            long image;
            try {
                image = containers.rootFs().lowerLayers(c).stream().mapToLong(Layer::size).sum();
            } catch (RuntimeException e) {
                image = 0; // image gone (removed with --force): only the writable layer counts
            }
            o.put("SizeRw", rw);
            o.put("SizeRootFs", rw + image);
            out.add(o);
        }
        return out;
    }

    /** Bytes of regular files under {@code dir} (0 when it does not exist), as du counts apparent sizes. */
    static long treeSize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }
}
