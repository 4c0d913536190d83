package dev.berth.runtime.container;

import dev.berth.runtime.container.create.ContainerCreator;
import dev.berth.runtime.container.create.MountResolver;
import dev.berth.runtime.container.create.VolumeProvider;
import dev.berth.runtime.container.exec.ExecStore;
import dev.berth.runtime.container.logs.ContainerLogs;
import dev.berth.runtime.container.lifecycle.AttachBroker;
import dev.berth.runtime.container.lifecycle.ContainerLifecycle;
import dev.berth.runtime.container.lifecycle.ContainerRunner;
import dev.berth.runtime.container.lifecycle.NetworkHook;
import dev.berth.runtime.container.links.LinkGraph;
import dev.berth.runtime.container.lifecycle.Waiters;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.monitor.ConmonMonitor;
import dev.berth.runtime.container.oci.HostFacts;
import dev.berth.runtime.container.oci.OciRuntime;
import dev.berth.runtime.container.oci.OciSpecBuilder;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.manage.ImageUsage;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.linux.LibcFileSyscalls;
import dev.berth.runtime.storage.OverlayMounts;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The container side of the engine, wired once: store, create, run, lifecycle, and the links to images. */
public record ContainerServices(
        ContainerStore store,
        ContainerCreator creator,
        ContainerRunner runner,
        ContainerLifecycle lifecycle,
        Waiters waiters,
        AttachBroker attach,
        RootFs rootFs,
        OciRuntime runtime,
        ExecStore execs,
        ContainerLogs logs,
        LinkGraph links) {

    public static ContainerServices create(Path dataRoot, Path execRoot, ImageServices images, OciRuntime runtime,
            NetworkHook network, VolumeProvider volumes, EventBus events) {
        ContainerStore store = new ContainerStore(dataRoot);
        LinkGraph links = new LinkGraph(store);
        RootFs rootFs = new RootFs(images.layers(), images.store(),
                new OverlayMounts(dataRoot, new LibcFileSyscalls()));
        Waiters waiters = new Waiters();
        AttachBroker attach = new AttachBroker();
        ConmonMonitor monitor = new ConmonMonitor(ConmonMonitor.findConmon(), runtime);
        ContainerRunner runner = new ContainerRunner(store, links, rootFs, monitor,
                new OciSpecBuilder(HostFacts.detect()), network,
                volumes, events, waiters, attach, execRoot, dataRoot);
        ExecStore execs = new ExecStore();
        ContainerLogs logs = new ContainerLogs(id -> runner.layout(id).logFile());
        ContainerLifecycle lifecycle = new ContainerLifecycle(store, runner, volumes, events, waiters, execs::forget);
        ContainerCreator creator = new ContainerCreator(store, links, images.resolver(), images.configs(),
                new MountResolver(volumes), events);
        return new ContainerServices(store, creator, runner, lifecycle, waiters, attach, rootFs, runtime, execs, logs,
                links);
    }

    /** Which containers use an image, for {@code docker rmi}'s 409. */
    public ImageUsage imageUsage() {
        return id -> store.list().stream().filter(c -> c.imageId().equals(id))
                .map(c -> new ImageUsage.User(c.id(), c.state().isRunning())).toList();
    }

    /** Layers held by containers' images, so image GC never takes a layer a container is built on. */
    public Set<Digest> layersInUse(ImageServices images) {
        Set<Digest> used = new HashSet<>();
        for (Container c : store.list()) {
            images.store().byId(c.imageId())
                    .ifPresent(i -> i.layers().stream().map(LayerRef::chainId).forEach(used::add));
        }
        return used;
    }

    /** Containers by state, for {@code /info}. */
    public List<Container> all() {
        return List.copyOf(store.list());
    }
}
