package dev.berth.app.volumes;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.support.Async;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.support.ResourceListViewModel;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** State and commands of the Volumes page. */
public final class VolumesViewModel extends ResourceListViewModel<VolumeRow> {
    /** The names the engine accepts (moby's {@code RestrictedNamePattern}); checked here to answer in the dialog. */
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    public VolumesViewModel(Supplier<Engine> engine, Async async) {
        super(engine, async);
    }

    @Override
    protected List<VolumeRow> load(Engine e) {
        List<ContainerSummary> containers = e.listContainers();
        return e.listVolumes().stream()
                .map(v -> new VolumeRow(v.name(), v.driver(), v.mountpoint(), containers.stream()
                        .filter(c -> c.volumeNames().contains(v.name())).map(ContainerSummary::name).toList()))
                .sorted(Comparator.comparing(VolumeRow::name))
                .toList();
    }

    /** Creates a volume; a blank name lets the engine pick one. */
    public void create(String name) {
        String n = name == null ? "" : name.strip();
        if (!n.isEmpty() && !VOLUME_NAME.matcher(n).matches()) {
            setError(I18n.t("volumes.badName", n));
            return;
        }
        command(e -> e.createVolume(n), I18n.t("volumes.created", n.isEmpty() ? I18n.t("volumes.anonymous") : n));
    }

    public void remove(List<VolumeRow> rows) {
        if (rows.isEmpty()) {
            setError(I18n.t("volumes.nothingSelected"));
            return;
        }
        commandEach(rows, VolumeRow::name, (e, v) -> e.removeVolume(v.name()));
    }

    /** Removes the volumes no container uses (engines with API 1.42+ only prune anonymous ones). */
    public void prune() {
        dismissMessages();
        async.run(() -> engine.get().pruneVolumes(), result -> {
            setNotice(I18n.t("prune.reclaimed", Format.bytes(result.spaceReclaimed())));
            refresh();
        }, message -> {
            setError(message);
            refresh();
        });
    }
}
