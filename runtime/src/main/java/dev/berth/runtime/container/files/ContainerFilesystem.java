package dev.berth.runtime.container.files;

import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.storage.Layer;
import dev.berth.runtime.storage.LayerStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** {@code docker diff} and {@code docker export}: a container's changes, and its whole root as a tar. */
public final class ContainerFilesystem {
    private final ContainerServices containers;
    private final ContainerRootAccess roots;
    private final LayerStore layers;
    private final ChangeScanner scanner;

    public ContainerFilesystem(ContainerServices containers, ContainerRootAccess roots, LayerStore layers,
            ChangeScanner scanner) {
        this.containers = containers;
        this.roots = roots;
        this.layers = layers;
        this.scanner = scanner;
    }

    /** What the container added, changed and deleted relative to its image. */
    public List<Change> changes(String idOrName) {
        Container c = containers.store().resolve(idOrName);
        Path upper = RootFs.upper(containers.store().dir(c.id()));
        List<Path> lowers = containers.rootFs().lowerLayers(c).stream().map(Layer::diffDir).toList();
        try {
            return RuntimeMountPoints.leftOut(scanner.scan(upper, lowers));
        } catch (IOException e) {
            throw new EngineException("cannot read the changes of container " + c.shortId() + ": " + e.getMessage(), e);
        }
    }

    /** Writes the merged root filesystem (volumes excluded, as docker export does) into the stream {@code open} gives. */
    public void export(String idOrName, Supplier<OutputStream> open) {
        roots.withMergedRoot(idOrName, (c, root) -> {
            OutputStream out = open.get();
            layers.exportDirTar(root, out);
            out.flush();
            return null;
        });
    }
}
