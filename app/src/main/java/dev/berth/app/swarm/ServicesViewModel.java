package dev.berth.app.swarm;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.swarm.ServiceDraft;
import dev.berth.app.engine.swarm.SwarmService;
import dev.berth.app.engine.swarm.SwarmTask;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.support.ResourceListViewModel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The services of the swarm (as {@code docker service ls}), the tasks of the selected one (as
 * {@code docker service ps}) and the stacks they group into; creating, scaling, updating, rolling back and removing
 * services.
 */
public final class ServicesViewModel extends ResourceListViewModel<SwarmService> {
    private final ObservableList<SwarmTask> tasks = FXCollections.observableArrayList();
    private final ObservableList<StackRow> stacks = FXCollections.observableArrayList();
    private volatile String selectedId = "";

    public ServicesViewModel(Supplier<Engine> engine, Async async) {
        super(engine, async);
    }

    @Override
    protected List<SwarmService> load(Engine e) {
        return e.swarm().services();
    }

    @Override
    protected void afterLoad() {
        Map<String, Integer> byStack = new TreeMap<>();
        for (SwarmService s : items()) {
            if (!s.stack().isEmpty()) {
                byStack.merge(s.stack(), 1, Integer::sum);
            }
        }
        List<StackRow> rows = byStack.entrySet().stream().map(e -> new StackRow(e.getKey(), e.getValue())).toList();
        if (!stacks.equals(rows)) {
            stacks.setAll(rows);
        }
        refreshTasks();
    }

    /** The tasks of the selected service, newest first within each slot. */
    public ObservableList<SwarmTask> tasks() {
        return tasks;
    }

    /** The stacks ({@code docker stack deploy} projects) the services belong to. */
    public ObservableList<StackRow> stacks() {
        return stacks;
    }

    /** Shows the tasks of {@code service} (none for null). */
    public void select(SwarmService service) {
        selectedId = service == null ? "" : service.id();
        refreshTasks();
    }

    /** Reloads the selected service's tasks (they change without events: the page polls while it shows). */
    public void refreshTasks() {
        String id = selectedId;
        if (id.isEmpty()) {
            tasks.clear();
            return;
        }
        async.run(() -> engine.get().swarm().tasks(id), rows -> {
            if (id.equals(selectedId) && !tasks.equals(rows)) {
                tasks.setAll(rows);
            }
        }, this::setError);
    }

    /** Creates a service from the form's text; says what is wrong with the form instead of asking the engine. */
    public void create(String name, String image, String replicas, String ports, String command) {
        ServiceForm.Result form = ServiceForm.read(name, image, replicas, ports, command);
        if (!form.error().isEmpty()) {
            setError(form.error());
            return;
        }
        ServiceDraft draft = form.draft();
        command(e -> e.swarm().createService(draft), I18n.t("swarm.service.created", draft.name()));
    }

    /** {@code docker service scale}: {@code replicas} as typed. */
    public void scale(SwarmService service, String replicas) {
        long n;
        try {
            n = Long.parseLong(replicas.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0) {
            setError(I18n.t("swarm.service.badReplicas", replicas));
            return;
        }
        long count = n;
        command(e -> e.swarm().scale(service.id(), count), I18n.t("swarm.service.scaled", service.name(), count));
    }

    /** Starts a rolling update of the service to {@code image}. */
    public void updateImage(SwarmService service, String image) {
        if (image == null || image.isBlank()) {
            setError(I18n.t("swarm.service.noImage"));
            return;
        }
        command(e -> e.swarm().updateImage(service.id(), image), I18n.t("swarm.service.updating", service.name(),
                image.strip()));
    }

    public void rollback(SwarmService service) {
        command(e -> e.swarm().rollback(service.id()), I18n.t("swarm.service.rollingBack", service.name()));
    }

    public void remove(List<SwarmService> services) {
        if (services.isEmpty()) {
            setError(I18n.t("swarm.nothingSelected"));
            return;
        }
        commandEach(services, SwarmService::name, (e, s) -> e.swarm().removeService(s.id()));
    }

    /** A stack: its name and how many services it has. */
    public record StackRow(String name, int services) {
    }
}
