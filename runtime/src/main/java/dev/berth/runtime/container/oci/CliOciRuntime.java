package dev.berth.runtime.container.oci;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A runtime driven through the runc-compatible command line that runc and crun share
 * ({@code <binary> --root <state> <verb> ...}). Usability is probed, really, once a boot and kept
 * ({@link ProbeVerdicts}).
 */
public abstract class CliOciRuntime implements OciRuntime {
    private final String name;
    private final Path binary;
    private final Path stateRoot;
    private volatile RuntimeUsability usability;

    /**
     * @param name      short name, used as the state directory name
     * @param binary    the executable
     * @param execRoot  the engine's exec root; state goes to {@code <execRoot>/runtime/<name>}
     */
    protected CliOciRuntime(String name, Path binary, Path execRoot) {
        this.name = name;
        this.binary = binary;
        this.stateRoot = execRoot.resolve("runtime").resolve(name);
    }

    @Override
    public String name() {
        return name;
    }
    @Override
    public Path binary() {
        return binary;
    }
    @Override
    public Path stateRoot() {
        return stateRoot;
    }

    @Override
    public RuntimeUsability usability() {
        RuntimeUsability u = usability;
        if (u == null) {
            synchronized (this) {
                if (usability == null) {
                    usability = ProbeVerdicts.remembered(this, () -> RuntimeProbe.probe(this));
                }
                u = usability;
            }
        }
        return u;
    }

    @Override
    public List<String> globalArgs() {
        return List.of("--root", stateRoot.toString());
    }

    @Override
    public void create(String id, Path bundle, Path pidFile) {
        runDetaching(id, "create", "--bundle", bundle.toString(), "--pid-file", pidFile.toString(), id);
    }

    @Override
    public void start(String id) {
        run(id, "start", id);
    }

    @Override
    public ContainerState state(String id) {
        String json = run(id, "state", id);
        try {
            return Json.MAPPER.readValue(json, ContainerState.class);
        } catch (IOException e) {
            throw new EngineException(name + " state " + id + " printed no valid JSON: " + json.strip(), e);
        }
    }

    @Override
    public void kill(String id, int signal, boolean all) {
        if (all) {
            run(id, "kill", "--all", id, Integer.toString(signal));
        } else {
            run(id, "kill", id, Integer.toString(signal));
        }
    }

    @Override
    public void delete(String id, boolean force) {
        if (force) {
            run(id, "delete", "--force", id);
        } else {
            run(id, "delete", id);
        }
    }

    @Override
    public long execDetached(String id, Path processJson, Path pidFile) {
        runDetaching(id, "exec", "--process", processJson.toString(), "--detach", "--pid-file", pidFile.toString(), id);
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            throw new EngineException(name + " exec in " + id + " wrote no pid file", e);
        }
    }

    @Override
    public void pause(String id) {
        run(id, "pause", id);
    }
    @Override
    public void resume(String id) {
        run(id, "resume", id);
    }

    @Override
    public void update(String id, RuntimeSpec.Resources resources) {
        Path file = null;
        try {
            Files.createDirectories(stateRoot);
            file = Files.createTempFile(stateRoot, "update-" + id + "-", ".json");
            AtomicFiles.writeJson(file, resources);
            run(id, "update", "--resources", file.toString(), id);
        } catch (IOException e) {
            throw new EngineException("cannot write resources for " + id + ": " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a stray temp file in the state dir is harmless
                }
            }
        }
    }

    @Override
    public List<Long> ps(String id) {
        String json = run(id, "ps", "--format", "json", id);
        try {
            List<Long> pids = Json.MAPPER.readValue(json.isBlank() ? "[]" : json, new TypeReference<List<Long>>() {});
            return pids == null ? List.of() : pids;
        } catch (IOException e) {
            throw new EngineException(name + " ps " + id + " printed no valid JSON: " + json.strip(), e);
        }
    }

    /** Runs {@code <binary> --root <state> args...} and returns stdout, or throws with the runtime's message. */
    protected String run(String id, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        argv.addAll(globalArgs());
        argv.addAll(List.of(args));
        return RuntimeCommand.check(argv, id);
    }

    /** Like {@link #run}, for verbs that leave a process behind holding our stdout and stderr. */
    protected String runDetaching(String id, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        argv.addAll(globalArgs());
        argv.addAll(List.of(args));
        return RuntimeCommand.check(argv, id, stateRoot.resolveSibling(name + "-scratch"));
    }

    @Override
    public String toString() {
        return name + " (" + binary + ")";
    }
}
