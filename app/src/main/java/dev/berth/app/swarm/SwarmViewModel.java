package dev.berth.app.swarm;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.swarm.SwarmStatus;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Swarm page's state: where the connected engine stands (not in a swarm, a worker, a manager), joining and
 * leaving, and on a manager the lists of services, nodes, secrets and configs, reloaded by the engine's events.
 */
public final class SwarmViewModel {
    private final Supplier<Engine> engine;
    private final Async async;
    private final ReadOnlyObjectWrapper<SwarmStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            SwarmStatus.inactive());
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ServicesViewModel services;
    private final NodesViewModel nodes;
    private final SwarmObjectsViewModel secrets;
    private final SwarmObjectsViewModel configs;

    public SwarmViewModel(Supplier<Engine> engine, Async async) {
        this.engine = engine;
        this.async = async;
        this.services = new ServicesViewModel(engine, async);
        this.nodes = new NodesViewModel(engine, async);
        this.secrets = new SwarmObjectsViewModel(engine, async, SwarmObjectsViewModel.Kind.SECRET);
        this.configs = new SwarmObjectsViewModel(engine, async, SwarmObjectsViewModel.Kind.CONFIG);
    }

    public ReadOnlyObjectProperty<SwarmStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissMessages() {
        error.set("");
        notice.set("");
    }

    public ServicesViewModel services() {
        return services;
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    public SwarmObjectsViewModel secrets() {
        return secrets;
    }

    public SwarmObjectsViewModel configs() {
        return configs;
    }

    /** Reads the engine's swarm state, then (on a manager) every list. */
    public void refresh() {
        async.run(() -> engine.get().swarm().status(), s -> {
            status.set(s);
            if (s.canManage()) {
                lists().forEach(dev.berth.app.support.ResourceListViewModel::refresh);
            } else {
                lists().forEach(dev.berth.app.support.ResourceListViewModel::clear);
            }
        }, message -> {
            status.set(SwarmStatus.inactive());
            error.set(message);
        });
    }

    /** What the engine's events say changed: the swarm's own objects, or the node's membership. */
    public void engineChanged(Set<String> types) {
        if (types.contains("*") || types.contains("node")) {
            refresh();
            return;
        }
        if (!status.get().canManage()) {
            return;
        }
        if (types.contains("service")) {
            services.refresh();
        }
        if (types.contains("secret")) {
            secrets.refresh();
        }
        if (types.contains("config")) {
            configs.refresh();
        }
    }

    /** Empties the page: the engine is unreachable. */
    public void clear() {
        status.set(SwarmStatus.inactive());
        lists().forEach(dev.berth.app.support.ResourceListViewModel::clear);
    }

    /** {@code docker swarm init}: the address other nodes reach this one at may be left empty on one network. */
    public void init(String advertiseAddress) {
        run(() -> engine.get().swarm().init(advertiseAddress), I18n.t("swarm.initialized"));
    }

    /** {@code docker swarm join --token TOKEN MANAGER}. */
    public void join(String managerAddress, String token) {
        if (managerAddress == null || managerAddress.isBlank() || token == null || token.isBlank()) {
            error.set(I18n.t("swarm.join.incomplete"));
            return;
        }
        run(() -> engine.get().swarm().join(managerAddress, token), I18n.t("swarm.joined"));
    }

    /** {@code docker swarm leave} ({@code force}: also the last manager, which ends the swarm). */
    public void leave(boolean force) {
        run(() -> engine.get().swarm().leave(force), I18n.t("swarm.left"));
    }

    private void run(Runnable action, String success) {
        dismissMessages();
        async.run(() -> {
            action.run();
            return null;
        }, ignored -> {
            notice.set(success);
            refresh();
        }, message -> {
            error.set(message);
            refresh();
        });
    }

    private List<dev.berth.app.support.ResourceListViewModel<?>> lists() {
        return List.of(services, nodes, secrets, configs);
    }
}
