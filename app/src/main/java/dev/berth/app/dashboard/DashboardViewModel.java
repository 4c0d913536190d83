package dev.berth.app.dashboard;

import dev.berth.app.engine.ContainerLoad;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.app.support.Async;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State and commands of the dashboard. A refresh reads version, lists, {@code /system/df} and one stats reading of
 * each running container (in parallel: the engine takes about a second per reading); overlapping refreshes collapse.
 */
public final class DashboardViewModel {
    /** How many containers the "busiest" list shows. */
    static final int BUSIEST = 5;
    /** Stats readings per refresh at most, so a host with hundreds of containers is not flooded. */
    static final int MAX_READINGS = 24;

    private final Supplier<Engine> engine;
    private final Async async;
    private final ReadOnlyObjectWrapper<DashboardSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private boolean again;
    private boolean active;

    public DashboardViewModel(Supplier<Engine> engine, Async async) {
        this.engine = engine;
        this.async = async;
    }

    public void refresh() {
        if (loading.get()) {
            again = true;
            return;
        }
        loading.set(true);
        async.run(this::read, s -> {
            snapshot.set(s);
            error.set("");
            done();
        }, message -> {
            snapshot.set(null);
            error.set(message);
            done();
        });
    }

    /**
     * Whether the dashboard is on screen. Reading it costs a stats request per running container, so engine events
     * reload it only while it is shown; showing it reloads it.
     */
    public void setActive(boolean shown) {
        boolean was = active;
        active = shown;
        if (shown && !was) {
            refresh();
        }
    }

    /** Something changed on the engine: reload if shown. */
    public void engineChanged() {
        if (active) {
            refresh();
        }
    }

    /** Forgets what was shown (the engine is unreachable; the window's banner says why). */
    public void clear() {
        snapshot.set(null);
        error.set("");
        notice.set("");
    }

    private void done() {
        loading.set(false);
        if (again) {
            again = false;
            refresh();
        }
    }

    private DashboardSnapshot read() {
        Engine e = engine.get();
        var version = e.version();
        List<ContainerSummary> containers = e.listContainers();
        List<ContainerSummary> running = containers.stream().filter(c -> c.state().equals("running")).toList();
        return new DashboardSnapshot(version, running.size(), containers.size() - running.size(), e.listImages().size(),
                e.listVolumes().size(), e.listNetworks().size(), e.diskUsage(), busiest(e, running));
    }

    /** The running containers by CPU, busiest first; a container that stops meanwhile is left out. */
    private static List<BusyContainer> busiest(Engine e, List<ContainerSummary> running) {
        List<BusyContainer> out = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ContainerLoad>> readings = new ArrayList<>();
            List<ContainerSummary> read = running.stream().limit(MAX_READINGS).toList();
            for (ContainerSummary c : read) {
                readings.add(pool.submit(() -> e.containerLoad(c.id())));
            }
            for (int i = 0; i < read.size(); i++) {
                try {
                    ContainerLoad l = readings.get(i).get();
                    out.add(new BusyContainer(read.get(i).id(), read.get(i).name(), l.cpuPercent(), l.memoryBytes(),
                            l.memoryLimitBytes()));
                } catch (ExecutionException failed) {
                    if (!(failed.getCause() instanceof EngineException)) {
                        throw new IllegalStateException(failed.getCause());
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        out.sort(Comparator.comparingDouble(BusyContainer::cpuPercent).reversed()
                .thenComparing(Comparator.comparingLong(BusyContainer::memoryBytes).reversed()));
        return out.stream().limit(BUSIEST).toList();
    }

    /**
     * Removes stopped containers, images no container uses and unused build cache (not volumes: they hold data), then
     * tells how much was freed.
     */
    public void pruneReclaimable() {
        DashboardSnapshot s = snapshot.get();
        boolean cache = s != null && s.disk().buildCache().reclaimableBytes() > 0;
        prune(e -> {
            long freed = e.pruneContainers().spaceReclaimed();
            freed += e.pruneImages(false).spaceReclaimed();
            if (cache) {
                freed += e.pruneBuildCache().spaceReclaimed();
            }
            return freed;
        });
    }

    /** Removes the volumes no container uses. */
    public void pruneVolumes() {
        prune(e -> e.pruneVolumes().spaceReclaimed());
    }

    private void prune(java.util.function.ToLongFunction<Engine> action) {
        error.set("");
        notice.set("");
        async.run(() -> action.applyAsLong(engine.get()), freed -> {
            notice.set(I18n.t("prune.reclaimed", Format.bytes(freed)));
            refresh();
        }, message -> {
            error.set(message);
            refresh();
        });
    }

    public void dismissMessages() {
        error.set("");
        notice.set("");
    }

    /** The last reading, or null before the first or when the engine could not be read. */
    public ReadOnlyObjectProperty<DashboardSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
