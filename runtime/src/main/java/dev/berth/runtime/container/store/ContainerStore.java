package dev.berth.runtime.container.store;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The containers of this engine: one {@code containers/<id>/container.json} each, written atomically, all
 * held in memory. Names are unique; lookups take a full ID, a unique ID prefix or a name, like docker.
 */
public final class ContainerStore {
    private static final System.Logger LOG = System.getLogger(ContainerStore.class.getName());

    private final Path root;
    private final Map<String, Container> byId = new ConcurrentHashMap<>();

    public ContainerStore(Path dataRoot) {
        this.root = dataRoot.resolve("containers");
        load();
    }

    private void load() {
        try {
            Files.createDirectories(root);
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.toList()) {
                    Path record = dir.resolve("container.json");
                    if (!Files.isRegularFile(record)) {
                        continue;
                    }
                    try {
                        Container c = Json.MAPPER.readValue(record.toFile(), Container.class);
                        byId.put(c.id(), c);
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.WARNING, "skipping unreadable container record {0}: {1}", record,
                                e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
    }

    /** The directory holding a container's record, logs, layers and files. */
    public Path dir(String id) {
        return root.resolve(id);
    }

    public Collection<Container> list() {
        return List.copyOf(byId.values());
    }

    public Optional<Container> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Finds by full ID, name ("web" or "/web") or unique ID prefix; 404 "No such container" otherwise. */
    public Container resolve(String idOrName) {
        return find(idOrName).orElseThrow(() -> new NotFoundException("No such container: " + idOrName));
    }

    public Optional<Container> find(String idOrName) {
        if (idOrName == null || idOrName.isEmpty()) {
            return Optional.empty();
        }
        Container exact = byId.get(idOrName);
        if (exact != null) {
            return Optional.of(exact);
        }
        String name = idOrName.startsWith("/") ? idOrName.substring(1) : idOrName;
        for (Container c : byId.values()) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        List<Container> prefixed = new ArrayList<>();
        for (Container c : byId.values()) {
            if (c.id().startsWith(idOrName)) {
                prefixed.add(c);
            }
        }
        return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
    }

    /** Adds a new container; its name must be free. */
    public synchronized Container add(Container c) {
        if (nameTaken(c.name(), null)) {
            throw new ConflictException(
                    "Conflict. The container name \"/" + c.name() + "\" is already in use by container \""
                            + ownerOf(c.name())
                            + "\". You have to remove (or rename) that container to be able to reuse that name.");
        }
        write(c);
        byId.put(c.id(), c);
        return c;
    }

    /** Applies {@code change} to the stored container atomically and persists the result. */
    public synchronized Container update(String id, UnaryOperator<Container> change) {
        Container current = byId.get(id);
        if (current == null) {
            throw new NotFoundException("No such container: " + id);
        }
        Container next = change.apply(current);
        if (!next.name().equals(current.name()) && nameTaken(next.name(), id)) {
            throw new ConflictException(
                    "Conflict. The container name \"/" + next.name() + "\" is already in use by container \""
                            + ownerOf(next.name())
                            + "\". You have to remove (or rename) that container to be able to reuse that name.");
        }
        write(next);
        byId.put(id, next);
        return next;
    }

    /**
     * As {@link #update}, for what has happened whatever the disk says (a container exited): the change is kept in
     * memory even when its record cannot be written — a full data disk — so waiters and clients see it; the record
     * is written with the next change that succeeds, and a restart reads the exit from conmon's files anyway.
     */
    public synchronized Container record(String id, UnaryOperator<Container> change) {
        Container current = byId.get(id);
        if (current == null) {
            throw new NotFoundException("No such container: " + id);
        }
        Container next = change.apply(current);
        byId.put(id, next);
        try {
            write(next);
        } catch (EngineException e) {
            LOG.log(System.Logger.Level.WARNING,
                    "the state of container " + id.substring(0, Math.min(12, id.length())) + " is kept in memory only: "
                            + e.getMessage());
        }
        return next;
    }

    /** True if some container other than {@code except} has this name. */
    public boolean nameTaken(String name, String except) {
        return byId.values().stream().anyMatch(c -> c.name().equals(name) && !c.id().equals(except));
    }

    private String ownerOf(String name) {
        return byId.values().stream().filter(c -> c.name().equals(name)).map(Container::id).findFirst().orElse("");
    }

    /** Forgets a container and deletes its directory. */
    public synchronized void remove(String id) {
        byId.remove(id);
        Path dir = dir(id);
        try {
            dev.berth.runtime.common.TreeDeleter.delete(dir);
        } catch (IOException e) {
            throw new EngineException("cannot remove the files of container " + id + ": " + e.getMessage(), e);
        }
    }

    private void write(Container c) {
        try {
            Files.createDirectories(dir(c.id()));
            AtomicFiles.writeJson(dir(c.id()).resolve("container.json"), c);
        } catch (IOException e) {
            throw new EngineException("cannot save container " + c.id() + ": " + e.getMessage(), e);
        }
    }
}
