package dev.berth.runtime.api.containers;

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

/**
 * A container's disk use as {@code docker ps --size}, {@code docker inspect --size} and {@code /system/df} report
 * it: {@code rw} is the bytes in its writable (upper) layer, {@code rootFs} that plus its image's layers.
 */
record ContainerSize(long rw, long rootFs) {

    static ContainerSize of(ContainerServices containers, Container c) {
        long rw = treeSize(RootFs.upper(containers.store().dir(c.id())));
        long image;
        try {
            image = containers.rootFs().lowerLayers(c).stream().mapToLong(Layer::size).sum();
        } catch (RuntimeException e) {
            image = 0; // image gone (removed with --force): only the writable layer counts
        }
        return new ContainerSize(rw, rw + image);
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
                    return FileVisitResult.CONTINUE; // a file removed while walking a running container's layer
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }
}
