package dev.berth.runtime.container.exec;

import dev.berth.runtime.errors.NotFoundException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's exec records, in memory like dockerd's: created by id, looked up by id or by container. One
 * instance per engine, owned by {@link dev.berth.runtime.container.ContainerServices}: container inspect
 * ({@code ExecIDs}), removal and the exec routes share it.
 */
public final class ExecStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ExecInstance> byId = new ConcurrentHashMap<>();

    /** Records a new exec for {@code containerId} under a fresh 64-hex id. */
    public ExecInstance add(String containerId, ExecConfig config) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        ExecInstance e = new ExecInstance(HexFormat.of().formatHex(bytes), containerId, config);
        byId.put(e.id(), e);
        return e;
    }

    /** The exec with this id (full, or a unique prefix as dockerd accepts); 404 otherwise. */
    public ExecInstance resolve(String id) {
        ExecInstance e = id == null ? null : byId.get(id);
        if (e != null) {
            return e;
        }
        List<ExecInstance> matches = id == null || id.isEmpty() ? List.of()
                : byId.values().stream().filter(x -> x.id().startsWith(id)).toList();
        if (matches.size() != 1) {
            throw new NotFoundException("No such exec instance: " + id);
        }
        return matches.getFirst();
    }

    /** Ids of the container's execs, oldest first is not promised (dockerd's order is a map's too). */
    public List<String> idsOf(String containerId) {
        return byId.values().stream().filter(e -> e.containerId().equals(containerId)).map(ExecInstance::id).sorted()
                .toList();
    }

    /** Forgets the container's execs (it was removed). */
    public void forget(String containerId) {
        byId.values().removeIf(e -> e.containerId().equals(containerId));
    }
}
