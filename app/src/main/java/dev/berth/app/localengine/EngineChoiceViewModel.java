package dev.berth.app.localengine;

import dev.berth.app.localengine.LocalEngines.Kind;
import dev.berth.app.support.Async;
import dev.berth.machine.MachineConfig;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings → Engine: where the Berth engine runs (natively or in the Berth VM) and the VM's size — CPUs, memory,
 * disk, and the resource saver's idle minutes — as the fields show them. {@link #apply()} checks them, saves the
 * VM's size where {@code berth machine} reads it too, and switches the app to that engine.
 */
public final class EngineChoiceViewModel {
    private final LocalEngines engines;
    private final LocalEngineController controller;
    private final Async async;
    private final Consumer<Kind> switched;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty cpus = new SimpleStringProperty(this, "cpus");
    private final StringProperty memoryMiB = new SimpleStringProperty(this, "memoryMiB");
    private final StringProperty diskGiB = new SimpleStringProperty(this, "diskGiB");
    private final StringProperty idleMinutes = new SimpleStringProperty(this, "idleMinutes");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private Kind applied;

    /**
     * @param current  the kind the app uses now
     * @param switched told (on the UI thread) once the app uses a new kind, to save it and reconnect
     */
    public EngineChoiceViewModel(LocalEngines engines, LocalEngineController controller, Async async, Kind current,
            Consumer<Kind> switched) {
        this.engines = engines;
        this.controller = controller;
        this.async = async;
        this.switched = switched;
        this.applied = current;
        kind.set(current);
        MachineConfig c = engines.machine().config();
        cpus.set(Integer.toString(c.cpus()));
        memoryMiB.set(Integer.toString(c.memoryMiB()));
        diskGiB.set(Integer.toString(c.diskGiB()));
        idleMinutes.set(Integer.toString(c.idleMinutes()));
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty cpusProperty() {
        return cpus;
    }

    public StringProperty memoryMiBProperty() {
        return memoryMiB;
    }

    public StringProperty diskGiBProperty() {
        return diskGiB;
    }

    public StringProperty idleMinutesProperty() {
        return idleMinutes;
    }

    /** Why the fields cannot be applied, in words; empty when they can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The VM's size as the fields say, or an {@link IllegalArgumentException} saying which field is wrong. */
    MachineConfig vmConfig() {
        MachineConfig old = engines.machine().config();
        int disk = number(diskGiB.get(), "disk");
        if (disk < old.diskGiB() && java.nio.file.Files.exists(engines.machine().paths().dataDisk())) {
            throw new IllegalArgumentException("The disk can only grow: it is " + old.diskGiB() + " GiB now.");
        }
        return new MachineConfig(old.name(), number(cpus.get(), "CPUs"), number(memoryMiB.get(), "memory"), disk,
                old.provider(), number(idleMinutes.get(), "idle minutes"));
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + field + " field needs a whole number, not \"" + text + "\".");
        }
    }

    /**
     * Saves the VM's size (it applies at the VM's next start) and, if the kind changed, moves the app to the other
     * engine: the controller then starts and stops that one, and the Berth connection points at its socket.
     */
    public void apply() {
        MachineConfig config;
        try {
            config = vmConfig();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        Kind target = kind.get();
        busy.set(true);
        async.run(() -> {
            engines.machine().saveConfig(config);
            if (target != applied) {
                controller.switchTo(engines.launcher(target), engines.probe(target), engines.startTimeout(target));
            }
            return target;
        }, k -> {
            busy.set(false);
            if (k != applied) {
                applied = k;
                switched.accept(k);
            }
        }, message -> {
            busy.set(false);
            error.set(message);
        });
    }
}
