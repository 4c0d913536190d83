package dev.berth.app.engine.swarm;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Docker Swarm through the connected engine (the Engine API's {@code /swarm}, {@code /nodes}, {@code /services},
 * {@code /tasks}, {@code /secrets}, {@code /configs}): what the app's Swarm page reads and does. Nodes, services,
 * tasks, secrets and configs need a manager; failures are {@link EngineException}s in the engine's words.
 */
public interface Swarm {
    /** Whether the engine is in a swarm, and as what. */
    SwarmStatus status();

    /** Makes this engine the first manager of a new swarm ({@code docker swarm init --advertise-addr}). */
    void init(String advertiseAddress);

    /** Joins the swarm a manager at {@code managerAddress} leads, as a worker or manager by the token given. */
    void join(String managerAddress, String token);

    /** Leaves the swarm ({@code force} is needed for the last manager). */
    void leave(boolean force);

    List<SwarmNode> nodes();

    /** {@code docker node update --availability active|pause|drain}. */
    void setAvailability(String nodeId, String availability);

    /** {@code docker node promote/demote}: {@code manager} or {@code worker}. */
    void setRole(String nodeId, String role);

    /** {@code docker node rm} ({@code force} for a node that is not down). */
    void removeNode(String nodeId, boolean force);

    List<SwarmService> services();

    /** Creates a service; returns its id. */
    String createService(ServiceDraft draft);

    /** {@code docker service scale NAME=N}. */
    void scale(String serviceId, long replicas);

    /** {@code docker service update --image}: a rolling update, task by task, by the service's update policy. */
    void updateImage(String serviceId, String image);

    /** {@code docker service rollback}: back to the spec before the last update. */
    void rollback(String serviceId);

    void removeService(String serviceId);

    /** The tasks of one service (all services when {@code serviceId} is empty), newest first per slot. */
    List<SwarmTask> tasks(String serviceId);

    /**
     * Streams a service's log ({@code docker service logs}) from its tasks on every node; {@code onEnd} as for
     * {@link Engine#logs}.
     */
    Engine.Subscription serviceLogs(String serviceId, boolean follow, int tail, Consumer<ServiceLogLine> onLine,
            Consumer<EngineException> onEnd);

    List<SwarmObject> secrets();

    void createSecret(String name, byte[] data);

    void removeSecret(String id);

    List<SwarmObject> configs();

    void createConfig(String name, byte[] data);

    void removeConfig(String id);
}
