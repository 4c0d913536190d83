package dev.berth.app.run;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.ImageReferences;
import dev.berth.app.engine.NetworkSummary;
import dev.berth.app.engine.RunSpec;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Run dialog's state: the fields as typed, the {@code docker run} line they amount to (updated on every
 * keystroke), the first problem in them, and the outcome of Run. Problems are sentences, never exceptions.
 */
public final class RunViewModel {
    private final Supplier<Engine> engine;
    private final Async async;
    private final Consumer<String> onStarted;
    private final StringProperty image = new SimpleStringProperty(this, "image", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty ports = new SimpleStringProperty(this, "ports", "");
    private final StringProperty env = new SimpleStringProperty(this, "env", "");
    private final StringProperty volumes = new SimpleStringProperty(this, "volumes", "");
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    private final ObjectProperty<RunSpec.RestartPolicy.Kind> restart = new SimpleObjectProperty<>(this, "restart",
            RunSpec.RestartPolicy.Kind.NO);
    private final StringProperty maxRetries = new SimpleStringProperty(this, "maxRetries", "");
    private final BooleanProperty autoRemove = new SimpleBooleanProperty(this, "autoRemove");
    private final StringProperty network = new SimpleStringProperty(this, "network", "");
    private final ObservableList<String> networks = FXCollections.observableArrayList();
    private final ObservableList<String> networksView = FXCollections.unmodifiableObservableList(networks);
    private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper(this, "commandLine", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper started = new ReadOnlyBooleanWrapper(this, "started");
    private RunSpec spec;

    /** @param onStarted gets the new container's name (or short ID) after a successful run */
    public RunViewModel(Supplier<Engine> engine, Async async, String initialImage, Consumer<String> onStarted) {
        this.engine = engine;
        this.async = async;
        this.onStarted = onStarted;
        image.set(initialImage == null ? "" : initialImage);
        for (Observable field : List.of(image, name, ports, env, volumes, command, restart, maxRetries, autoRemove,
                network)) {
            field.addListener(o -> revalidate());
        }
        revalidate();
    }

    /** Loads the engine's network names for the network choice (the default network stays an empty choice). */
    public void loadNetworks() {
        async.run(() -> engine.get().listNetworks().stream().map(NetworkSummary::name).sorted().toList(),
                names -> networks.setAll(names), message -> networks.clear());
    }

    public StringProperty imageProperty() {
        return image;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** One {@code -p} value per line. */
    public StringProperty portsProperty() {
        return ports;
    }

    /** One {@code KEY=value} per line. */
    public StringProperty envProperty() {
        return env;
    }

    /** One {@code source:/target[:ro]} per line. */
    public StringProperty volumesProperty() {
        return volumes;
    }

    /** The command and its arguments as a shell would read them; empty keeps the image's command. */
    public StringProperty commandProperty() {
        return command;
    }

    public ObjectProperty<RunSpec.RestartPolicy.Kind> restartProperty() {
        return restart;
    }

    /** For on-failure: how many restarts at most (empty: no limit). */
    public StringProperty maxRetriesProperty() {
        return maxRetries;
    }

    public BooleanProperty autoRemoveProperty() {
        return autoRemove;
    }

    /** A network name, or empty for the engine's default. */
    public StringProperty networkProperty() {
        return network;
    }

    public ObservableList<String> networks() {
        return networksView;
    }

    /** The equivalent {@code docker run -d …} line of what is valid so far. */
    public ReadOnlyStringProperty commandLineProperty() {
        return commandLine.getReadOnlyProperty();
    }

    /** The first thing to fix before running, in plain words, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the engine refused to run it (its own words), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once the container was created and started. */
    public ReadOnlyBooleanProperty startedProperty() {
        return started.getReadOnlyProperty();
    }

    /** The spec the fields describe, when they are all valid. */
    public java.util.Optional<RunSpec> spec() {
        return java.util.Optional.ofNullable(spec);
    }

    /** Creates and starts the container; does nothing but point at the problem while the fields are invalid. */
    public void run() {
        revalidate();
        if (spec == null || running.get()) {
            return;
        }
        RunSpec toRun = spec;
        error.set("");
        running.set(true);
        async.run(() -> engine.get().runContainer(toRun), id -> {
            running.set(false);
            started.set(true);
            onStarted.accept(toRun.name().isBlank() ? id.substring(0, Math.min(12, id.length())) : toRun.name());
        }, message -> {
            running.set(false);
            error.set(message);
        });
    }

    private void revalidate() {
        List<String> problems = new ArrayList<>();
        String img = image.get() == null ? "" : image.get().strip();
        if (img.isEmpty()) {
            problems.add(I18n.t("run.needsImage"));
        } else {
            collect(problems, () -> ImageReferences.split(img));
        }
        String n = collect(problems, () -> RunInputs.name(name.get()));
        List<RunSpec.PublishedPort> p = each(problems, ports.get(), RunInputs::port);
        List<String> e = each(problems, env.get(), RunInputs::env);
        List<RunSpec.Mount> m = each(problems, volumes.get(), RunInputs::mount);
        List<String> cmd = collect(problems, () -> RunInputs.command(command.get()));
        RunSpec.RestartPolicy policy = collect(problems, this::restartPolicy);
        if (autoRemove.get() && policy != null && policy.kind() != RunSpec.RestartPolicy.Kind.NO) {
            problems.add(I18n.t("run.rmWithRestart"));
        }
        RunSpec shown = new RunSpec(img.isEmpty() ? "IMAGE" : img, n == null ? "" : n, p, e, m,
                cmd == null ? List.of() : cmd, policy == null ? RunSpec.RestartPolicy.NO : policy, autoRemove.get(),
                network.get());
        commandLine.set(DockerRunLine.of(shown));
        problem.set(problems.isEmpty() ? "" : problems.getFirst());
        spec = problems.isEmpty() ? shown : null;
        error.set("");
    }

    private RunSpec.RestartPolicy restartPolicy() {
        RunSpec.RestartPolicy.Kind kind = restart.get() == null ? RunSpec.RestartPolicy.Kind.NO : restart.get();
        String retries = maxRetries.get() == null ? "" : maxRetries.get().strip();
        if (kind != RunSpec.RestartPolicy.Kind.ON_FAILURE || retries.isEmpty()) {
            return new RunSpec.RestartPolicy(kind, 0);
        }
        try {
            int n = Integer.parseInt(retries);
            if (n >= 0) {
                return new RunSpec.RestartPolicy(kind, n);
            }
        } catch (NumberFormatException notANumber) {
            // Falls through to the message.
        }
        throw new IllegalArgumentException(I18n.t("run.badRetries", retries));
    }

    private static <T> T collect(List<String> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static <T> List<T> each(List<String> problems, String text, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String line : RunInputs.lines(text)) {
            T v = collect(problems, () -> parse.apply(line));
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
