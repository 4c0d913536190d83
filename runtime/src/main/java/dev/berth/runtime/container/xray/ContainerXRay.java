package dev.berth.runtime.container.xray;

import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.files.ChangeScanner;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.oci.Capabilities;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.container.run.SpecFactory;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.linux.LibcFileSyscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Gathers the {@link XRay} of a running container from /proc, the cgroup tree and its overlay mount. */
public final class ContainerXRay {
    private final ContainerServices containers;
    private final Path proc;
    private final ProcReader procs;
    private final CgroupInspector cgroups;
    private final OverlayInspector overlay;

    public ContainerXRay(ContainerServices containers, Path proc, Path cgroupRoot, ChangeScanner changes) {
        this.containers = containers;
        this.proc = proc;
        this.procs = new ProcReader(proc);
        this.cgroups = new CgroupInspector(cgroupRoot);
        this.overlay = new OverlayInspector(changes);
    }

    /** Reads the real host. */
    public static ContainerXRay forHost(ContainerServices containers) {
        return new ContainerXRay(containers, Path.of("/proc"), Path.of("/sys/fs/cgroup"),
                new ChangeScanner(new LibcFileSyscalls()));
    }

    /** The X-ray of {@code idOrName}: 404 when unknown, 409 when it does not run (it has no processes to show). */
    public XRay of(String idOrName) {
        Container c = containers.store().resolve(idOrName);
        long pid = c.state().pid();
        if (!c.state().isRunning() || pid <= 0) {
            throw new ConflictException("Container " + c.name().replaceFirst("^/", "") + " is not running: only a "
                    + "running container has processes, namespaces and a cgroup to X-ray. Start it first.");
        }
        String cgroupPath = SpecFactory.cgroupsPath(c.id());
        List<Long> hostPids = cgroups.procs(cgroupPath);
        if (hostPids.isEmpty()) {
            hostPids = containers.runtime().ps(c.id());
        }
        ProcStatus init = procs.status(pid).orElseThrow(() -> new ConflictException(
                "Container " + c.shortId() + " stopped while it was being X-rayed"));
        Path dir = containers.store().dir(c.id());
        OverlayView fs;
        try {
            fs = overlay.inspect(OverlayInspector.selfMountinfo(proc), RootFs.merged(dir), RootFs.upper(dir),
                    dir.resolve("work"), containers.rootFs().lowerLayers(c));
        } catch (IOException e) {
            throw new EngineException("cannot read the root filesystem of " + c.shortId() + ": " + e.getMessage(), e);
        }
        SecurityView security = new SecurityView(init.uid(), init.gid(), userName(pid, init.uid()),
                c.configView().user(), Capabilities.fromMask(init.capEffective()),
                Capabilities.fromMask(init.capBounding()), init.seccompMode(), init.noNewPrivs());
        return new XRay(c.id(), c.name().replaceFirst("^/", ""), c.imageRef(), pid, procs.processes(hostPids),
                procs.namespaces(pid, "self"), cgroups.limits(cgroupPath), fs, security);
    }

    /**
     * The name of {@code uid} in the container's own /etc/passwd, read through the process's root. A symlink there
     * is not followed: it would resolve against berthd's root, not the container's.
     */
    private String userName(long pid, long uid) {
        Path passwd = proc.resolve(Long.toString(pid)).resolve("root").resolve("etc").resolve("passwd");
        try {
            if (Files.isSymbolicLink(passwd.getParent()) || Files.isSymbolicLink(passwd)
                    || !Files.isRegularFile(passwd)) {
                return "";
            }
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].equals(Long.toString(uid))) {
                    return f[0];
                }
            }
        } catch (IOException e) {
            // unreadable: the uid alone has to do
        }
        return "";
    }
}
