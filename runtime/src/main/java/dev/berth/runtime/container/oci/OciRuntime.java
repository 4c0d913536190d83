package dev.berth.runtime.container.oci;

import java.nio.file.Path;
import java.util.List;

/**
 * The seam to an OCI runtime binary (runc, crun). A container's life: {@code create} (usually done by the
 * monitor, conmon, which runs the runtime for us) → {@code start} → running, maybe {@code pause}/{@code resume},
 * {@code kill} → stopped → {@code delete}. Every method throws
 * {@link dev.berth.runtime.errors.EngineException} with the runtime's own message when it fails; an unknown
 * container is a {@link dev.berth.runtime.errors.NotFoundException}.
 */
public interface OciRuntime {
    /** Short name, e.g. "runc". */
    String name();

    /** Absolute path of the runtime's executable. */
    Path binary();

    /** Directory where the runtime keeps its state ({@code --root}); deleting a container removes its entry there. */
    Path stateRoot();

    /** Whether this runtime really works on this host, with the reason when it does not. */
    RuntimeUsability usability();

    /** Shorthand for {@code usability().usable()}. */
    default boolean isUsable() {
        return usability().usable();
    }

    /** Arguments that go before the verb on every invocation (the monitor passes them as --runtime-arg). */
    List<String> globalArgs();

    /** Creates a container from a bundle without a monitor; its stdio is /dev/null. Mostly for probes and tools. */
    void create(String id, Path bundle, Path pidFile);

    /** Runs the user process of a created container. */
    void start(String id);

    /** The runtime's view of a container. */
    ContainerState state(String id);

    /** Sends a signal to the init process, or to every process of the container when {@code all}. */
    void kill(String id, int signal, boolean all);

    /**
     * Whether the runtime still holds state for {@code id} (runc and crun keep a directory per container under
     * their root), so callers can skip a {@code delete} — a whole runtime process — when there is nothing to forget.
     */
    default boolean hasState(String id) {
        return java.nio.file.Files.isDirectory(stateRoot().resolve(id));
    }

    /** Removes the container from the runtime; {@code force} kills it first if it still runs. */
    void delete(String id, boolean force);

    /** Runs a process (a runtime-spec process JSON file) in a running container, detached; returns its host pid. */
    long execDetached(String id, Path processJson, Path pidFile);

    /** Freezes every process of the container. */
    void pause(String id);

    /** Thaws a paused container. */
    void resume(String id);

    /** Changes cgroup limits of a running container. */
    void update(String id, RuntimeSpec.Resources resources);

    /** Host pids of the container's processes. */
    List<Long> ps(String id);
}
