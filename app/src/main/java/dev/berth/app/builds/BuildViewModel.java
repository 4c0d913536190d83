package dev.berth.app.builds;

import dev.berth.app.engine.BuildMessage;
import dev.berth.app.engine.BuildSpec;
import dev.berth.app.engine.Cancellation;
import dev.berth.app.engine.Engine;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The build window's state: the form (folder, Dockerfile, image name, build arguments, target, no-cache, pull) with
 * what it would run as a {@code docker build} line, the running build's steps and progress, its outcome (the new
 * image, or the failed step with its line and output), Cancel, and the recent builds with Rebuild.
 */
public final class BuildViewModel {
    /** A docker image name: optional registry host[:port], lower-case path components, optional tag. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            "^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
                    + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$");

    private final Supplier<Engine> engine;
    private final Async async;
    private final RecentBuilds recents;
    private final Consumer<String> onBuilt;
    private final Clock clock;

    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final StringProperty dockerfile = new SimpleStringProperty(this, "dockerfile", "");
    private final StringProperty tag = new SimpleStringProperty(this, "tag", "");
    private final StringProperty buildArgs = new SimpleStringProperty(this, "buildArgs", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final BooleanProperty noCache = new SimpleBooleanProperty(this, "noCache");
    private final BooleanProperty pull = new SimpleBooleanProperty(this, "pull");
    private final ObservableList<String> dockerfiles = FXCollections.observableArrayList();
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dockerfileProblem = new ReadOnlyStringWrapper(this, "dockerfileProblem", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper(this, "commandLine", "");

    private final BuildProgress run = new BuildProgress();
    private final ObservableList<RecentBuild> recent = FXCollections.observableArrayList();
    private Cancellation cancellation;
    private DockerfileFacts facts = new DockerfileFacts(List.of(), List.of(), "");

    /**
     * @param recents where the recent builds are kept
     * @param onBuilt gets the new image's ID after a successful build (the Images page selects it)
     */
    public BuildViewModel(Supplier<Engine> engine, Async async, RecentBuilds recents, Consumer<String> onBuilt,
            Clock clock) {
        this.engine = engine;
        this.async = async;
        this.recents = recents;
        this.onBuilt = onBuilt;
        this.clock = clock;
        recent.setAll(recents.list());
        for (ObservableStringValue p : List.of(folder, dockerfile, tag, buildArgs, target)) {
            p.addListener((o, a, b) -> revalidate());
        }
        noCache.addListener((o, a, b) -> revalidate());
        pull.addListener((o, a, b) -> revalidate());
        folder.addListener((o, a, b) -> scanFolder());
        dockerfile.addListener((o, a, b) -> readDockerfile());
        revalidate();
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty dockerfileProperty() {
        return dockerfile;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    /** Build arguments, one {@code KEY=VALUE} per line. */
    public StringProperty buildArgsProperty() {
        return buildArgs;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public BooleanProperty noCacheProperty() {
        return noCache;
    }

    public BooleanProperty pullProperty() {
        return pull;
    }

    /** The Dockerfiles found in the folder. */
    public ObservableList<String> dockerfiles() {
        return dockerfiles;
    }

    /** The chosen Dockerfile's named stages. */
    public ObservableList<String> targets() {
        return targets;
    }

    /** Why the chosen Dockerfile does not parse (its line), or empty. */
    public ReadOnlyStringProperty dockerfileProblemProperty() {
        return dockerfileProblem.getReadOnlyProperty();
    }

    /** What keeps the form from building, in words, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The equivalent {@code docker build} command. */
    public ReadOnlyStringProperty commandLineProperty() {
        return commandLine.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return run.steps();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** Steps done over steps in all, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** "Step 3 of 10 · 2 from cache". */
    public ReadOnlyStringProperty progressTextProperty() {
        return run.progressTextProperty();
    }

    /** The outcome in words ("Built app:1 (3f2a…) in 2.1 s"). */
    public ReadOnlyStringProperty statusProperty() {
        return run.statusProperty();
    }

    /** Why the build failed, with the failed step's line, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return run.errorProperty();
    }

    /** The image the last build made, or empty. */
    public ReadOnlyStringProperty builtImageProperty() {
        return run.builtImageProperty();
    }

    public ObservableList<RecentBuild> recent() {
        return recent;
    }

    /** Fills the form from a recent build. */
    public void load(RecentBuild build) {
        folder.set(build.folder());
        dockerfile.set(build.dockerfile());
        tag.set(String.join(" ", build.tags()));
        StringBuilder args = new StringBuilder();
        build.buildArgs().forEach((k, v) -> args.append(k).append('=').append(v).append('\n'));
        buildArgs.set(args.toString().strip());
        target.set(build.target());
        noCache.set(build.noCache());
        pull.set(build.pull());
    }

    /** Runs a recent build again as it was. */
    public void rebuild(RecentBuild build) {
        load(build);
        build();
    }

    /** Starts the build the form describes; refuses a form with a problem without calling the engine. */
    public void build() {
        if (run.runningProperty().get()) {
            return;
        }
        revalidate();
        if (!problem.get().isEmpty()) {
            run.refuse(problem.get());
            return;
        }
        BuildSpec spec = spec();
        run.starting(I18n.t("build.sending", spec.contextDir()));
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        BuildLog log = new BuildLog();
        long started = clock.millis();
        async.background().execute(() -> {
            String id;
            try {
                id = engine.get().buildImage(spec, m -> onMessage(log, m), cancel);
            } catch (RuntimeException e) {
                String message = Async.plain(e);
                async.ui().execute(() -> failed(spec, log, message, cancel.isCancelled()));
                return;
            }
            async.ui().execute(() -> succeeded(spec, log, id, clock.millis() - started));
        });
    }

    /** Stops the running build: the engine stops it and removes what it was making. */
    public void cancel() {
        if (run.runningProperty().get() && cancellation != null) {
            cancellation.cancel();
        }
    }

    private void onMessage(BuildLog log, BuildMessage m) {
        synchronized (log) {
            log.accept(m);
        }
        async.ui().execute(() -> apply(log));
    }

    /** Brings the rows up to the log (batched per FX pulse by the UI executor, so a chatty build stays smooth). */
    private void apply(BuildLog log) {
        List<BuildLog.Step> now;
        synchronized (log) {
            now = log.steps();
        }
        run.apply(now, facts);
    }

    private void succeeded(BuildSpec spec, BuildLog log, String id, long millis) {
        log.finish();
        apply(log);
        String name = spec.tags().isEmpty() ? shortId(id) : spec.tags().getFirst();
        run.succeeded(id,
                I18n.t("build.done", name, shortId(id), String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0)));
        recent.setAll(recents.add(RecentBuild.of(spec, clock.millis(), true, id)));
        onBuilt.accept(id);
    }

    private void failed(BuildSpec spec, BuildLog log, String message, boolean cancelled) {
        log.fail(message);
        apply(log);
        run.failed(message, cancelled);
        if (!cancelled) {
            recent.setAll(recents.add(RecentBuild.of(spec, clock.millis(), false, "")));
        }
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /** The form as a build; only valid when {@link #problemProperty()} is empty. */
    BuildSpec spec() {
        List<String> tags = new ArrayList<>();
        for (String t : tag.get().strip().split("[\\s,]+")) {
            if (!t.isBlank()) {
                tags.add(t);
            }
        }
        return new BuildSpec(Path.of(folder.get().strip()), dockerfile.get(), tags, args(), target.get(), noCache.get(),
                pull.get());
    }

    private Map<String, String> args() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : buildArgs.get().split("\\R")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (eq > 0) {
                out.put(l.substring(0, eq).strip(), l.substring(eq + 1));
            }
        }
        return out;
    }

    private void revalidate() {
        problem.set(check());
        commandLine.set(folder.get().isBlank() ? "" : DockerBuildLine.of(spec()));
    }

    private String check() {
        String dir = folder.get().strip();
        if (dir.isEmpty()) {
            return I18n.t("build.noFolder");
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            return I18n.t("build.notAFolder", dir);
        }
        String file = dockerfile.get().isBlank() ? "Dockerfile" : dockerfile.get().strip();
        if (!Files.isRegularFile(path.resolve(file))) {
            return I18n.t("build.noDockerfile", file, dir);
        }
        for (String t : tag.get().strip().split("[\\s,]+")) {
            if (t.isBlank()) {
                continue;
            }
            if (t.contains("@")) {
                return I18n.t("images.tagNoDigest");
            }
            if (!NAME.matcher(t).matches()) {
                return I18n.t("build.badTag", t);
            }
        }
        for (String line : buildArgs.get().split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                return I18n.t("build.badArg", l);
            }
        }
        if (!target.get().isBlank() && !facts.stages().isEmpty()
                && !facts.stages().contains(target.get().strip().toLowerCase(java.util.Locale.ROOT))) {
            return I18n.t("build.badTarget", target.get().strip());
        }
        return "";
    }

    /** Lists the folder's Dockerfiles (off the FX thread) and picks {@code Dockerfile} if nothing is chosen. */
    private void scanFolder() {
        Path dir = folder.get().isBlank() ? null : Path.of(folder.get().strip());
        async.run(() -> DockerfileFacts.dockerfiles(dir), found -> {
            dockerfiles.setAll(found);
            if ((dockerfile.get().isBlank() || !found.contains(dockerfile.get())) && !found.isEmpty()) {
                dockerfile.set(found.getFirst());
            }
            readDockerfile();
        }, message -> dockerfiles.clear());
    }

    /** Reads the chosen Dockerfile's stages (off the FX thread). */
    private void readDockerfile() {
        if (folder.get().isBlank()) {
            return;
        }
        Path file = Path.of(folder.get().strip())
                .resolve(dockerfile.get().isBlank() ? "Dockerfile" : dockerfile.get().strip());
        async.run(() -> DockerfileFacts.read(file), read -> {
            facts = read;
            targets.setAll(read.stages());
            dockerfileProblem.set(read.problem());
            revalidate();
        }, message -> {});
    }

    /** Whether Build can start now: the form is complete and no build runs. */
    public javafx.beans.binding.BooleanBinding canBuild() {
        return Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !run.runningProperty().get(), problem,
                run.runningProperty());
    }
}
