package dev.berth.runtime.container.oci;

import dev.berth.runtime.errors.EngineException;
import java.nio.file.Path;
import java.util.List;

/**
 * The null-object runtime (like podman's oci_missing): stands in when no runtime works, so the engine
 * still starts and serves images and volumes, and every container operation fails with the reason.
 */
public final class MissingRuntime implements OciRuntime {
    private final String name;
    private final String reason;

    public MissingRuntime(String name, String reason) {
        this.name = name;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }
    @Override
    public Path binary() {
        return Path.of("/nonexistent", name);
    }
    @Override
    public Path stateRoot() {
        return Path.of("/nonexistent", name);
    }
    @Override
    public RuntimeUsability usability() {
        return RuntimeUsability.unusable(reason);
    }
    @Override
    public List<String> globalArgs() {
        return List.of();
    }
    @Override
    public void create(String id, Path bundle, Path pidFile) {
        throw missing();
    }
    @Override
    public void start(String id) {
        throw missing();
    }
    @Override
    public ContainerState state(String id) {
        throw missing();
    }
    @Override
    public void kill(String id, int signal, boolean all) {
        throw missing();
    }
    @Override
    public void delete(String id, boolean force) {
        throw missing();
    }
    @Override
    public long execDetached(String id, Path processJson, Path pidFile) {
        throw missing();
    }
    @Override
    public void pause(String id) {
        throw missing();
    }
    @Override
    public void resume(String id) {
        throw missing();
    }
    @Override
    public void update(String id, RuntimeSpec.Resources resources) {
        throw missing();
    }
    @Override
    public List<Long> ps(String id) {
        throw missing();
    }

    private EngineException missing() {
        return new EngineException("OCI runtime " + name + " is not available: " + reason);
    }
}
