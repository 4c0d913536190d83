package dev.berth.app.containers;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.PortMapping;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.support.ResourceListViewModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State and commands of the Containers page: filtering, compose grouping, selection and bulk actions. */
public final class ContainersViewModel extends ResourceListViewModel<ContainerSummary> {
    private final Supplier<String> portHost;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<StateFilter> stateFilter = new SimpleObjectProperty<>(this, "stateFilter",
            StateFilter.ALL);
    private final ReadOnlyObjectWrapper<List<ContainerGroup>> groups = new ReadOnlyObjectWrapper<>(this, "groups",
            List.of());
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(this, "selectedCount");
    private List<String> selection = List.of();
    private final StatsFeeds stats;
    private boolean shown;
    private java.util.Set<String> inView = java.util.Set.of();

    /** @param portHost the host published ports are reachable on (localhost, or a remote engine's host) */
    public ContainersViewModel(Supplier<Engine> engine, Async async, Supplier<String> portHost) {
        super(engine, async);
        this.portHost = portHost;
        this.stats = new StatsFeeds(engine, async);
        search.addListener((o, a, b) -> regroup());
        stateFilter.addListener((o, a, b) -> regroup());
    }

    @Override
    protected List<ContainerSummary> load(Engine e) {
        return e.listContainers();
    }

    @Override
    protected void afterLoad() {
        regroup();
        // Forget selected containers that are gone.
        setSelection(selection.stream().filter(id -> items().stream().anyMatch(c -> c.id().equals(id))).toList());
        stats.retainOnly(items().stream().map(ContainerSummary::id).collect(java.util.stream.Collectors.toSet()));
        followStats();
    }

    /** The latest CPU and memory sample of a running container in view, or null; updates about once a second. */
    public ReadOnlyObjectProperty<dev.berth.app.engine.ContainerStats> statsOf(String id) {
        return stats.of(id);
    }

    /** Whether the page is on screen; stats streams run only while it is. */
    @Override
    public void setShown(boolean onScreen) {
        super.setShown(onScreen);
        shown = onScreen;
        followStats();
    }

    /** The containers whose rows are in the table's viewport now. */
    public void setInView(java.util.Collection<String> ids) {
        inView = java.util.Set.copyOf(ids);
        followStats();
    }

    /** The containers whose stats are streamed now (running, in view, page shown). */
    public java.util.Set<String> statsFollowed() {
        return stats.followed();
    }

    private void followStats() {
        if (!shown) {
            stats.follow(List.of());
            return;
        }
        stats.follow(items().stream().filter(c -> c.state().equals("running") && inView.contains(c.id()))
                .map(ContainerSummary::id).toList());
    }

    /** Text matched against name, image and compose project, case-insensitively. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StateFilter> stateFilterProperty() {
        return stateFilter;
    }

    /** The visible containers: projects first (by name), then standalone containers (by name). */
    public ReadOnlyObjectProperty<List<ContainerGroup>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** The containers the bulk commands act on, by ID. */
    public void setSelection(Collection<String> ids) {
        selection = List.copyOf(new java.util.LinkedHashSet<>(ids));
        selectedCount.set(selection.size());
    }

    public List<String> selection() {
        return selection;
    }

    public void startSelected() {
        bulk((e, id) -> e.startContainer(id));
    }

    public void stopSelected() {
        bulk((e, id) -> e.stopContainer(id));
    }

    public void restartSelected() {
        bulk((e, id) -> e.restartContainer(id));
    }

    /** Removes the selected containers, stopping running ones first (the view asks for confirmation). */
    public void removeSelected() {
        bulk((e, id) -> e.removeContainer(id, true));
    }

    private void bulk(java.util.function.BiConsumer<Engine, String> action) {
        if (selection.isEmpty()) {
            setError(I18n.t("containers.nothingSelected"));
            return;
        }
        commandEach(selection, this::nameOf, action);
    }

    private String nameOf(String id) {
        return items().stream().filter(c -> c.id().equals(id)).map(ContainerSummary::name).findFirst()
                .orElse(id.length() > 12 ? id.substring(0, 12) : id);
    }

    /** Fetches one container's details for the details window; failures land in the error bar. */
    public void inspect(String id, java.util.function.Consumer<dev.berth.app.engine.ContainerDetails> show) {
        async.run(() -> engine.get().inspectContainer(id), show, this::setError);
    }

    /** The address to open for a published port, e.g. {@code http://localhost:8080}. */
    public String urlFor(PortMapping port) {
        String host = portHost.get();
        if (!port.hostIp().isEmpty() && !port.hostIp().equals("0.0.0.0") && !port.hostIp().equals("::")) {
            host = port.hostIp();
        }
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (port.privatePort() == 443 ? "https://" : "http://") + host + ":" + port.publicPort();
    }

    private void regroup() {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        Map<String, List<ContainerSummary>> projects = new LinkedHashMap<>();
        List<ContainerSummary> standalone = new ArrayList<>();
        items().stream()
                .filter(c -> stateFilter.get().accepts(c))
                .filter(c -> needle.isEmpty() || matches(c, needle))
                .sorted(Comparator.comparing(ContainerSummary::name))
                .forEach(c -> {
                    if (c.composeProject() != null) {
                        projects.computeIfAbsent(c.composeProject(), k -> new ArrayList<>()).add(c);
                    } else {
                        standalone.add(c);
                    }
                });
        List<ContainerGroup> out = new ArrayList<>();
        projects.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(new ContainerGroup(e.getKey(), e.getValue())));
        standalone.forEach(c -> out.add(new ContainerGroup(null, List.of(c))));
        groups.set(List.copyOf(out));
    }

    private static boolean matches(ContainerSummary c, String needle) {
        return c.name().toLowerCase(Locale.ROOT).contains(needle)
                || c.image().toLowerCase(Locale.ROOT).contains(needle)
                || (c.composeProject() != null && c.composeProject().toLowerCase(Locale.ROOT).contains(needle));
    }
}
