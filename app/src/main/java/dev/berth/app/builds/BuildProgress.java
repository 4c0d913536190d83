package dev.berth.app.builds;

import dev.berth.app.support.I18n;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** How the running (or last) build went: its steps, progress, outcome in words and the image it made. FX thread only. */
final class BuildProgress {
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper builtImage = new ReadOnlyStringWrapper(this, "builtImage", "");

    ObservableList<StepRow> steps() {
        return stepsView;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyStringProperty builtImageProperty() {
        return builtImage.getReadOnlyProperty();
    }

    /** A form problem: said where a build failure would be, and nothing starts. */
    void refuse(String problem) {
        error.set(problem);
    }

    /** A new build starts: the last one's steps and outcome go. */
    void starting(String sending) {
        steps.clear();
        error.set("");
        status.set(sending);
        builtImage.set("");
        progress.set(0);
        progressText.set("");
        running.set(true);
    }

    /** Brings the rows up to the log's steps; {@code facts} finds each step's line in the Dockerfile. */
    void apply(List<BuildLog.Step> now, DockerfileFacts facts) {
        for (int i = 0; i < now.size(); i++) {
            BuildLog.Step s = now.get(i);
            if (i >= steps.size()) {
                steps.add(new StepRow(s.number(), s.total(), s.text(), facts.lineOf(s.text())));
            }
            steps.get(i).update(s);
        }
        if (!now.isEmpty()) {
            BuildLog.Step last = now.getLast();
            long cached = now.stream().filter(s -> s.state() == BuildLog.State.CACHED).count();
            long done = now.stream().filter(s -> s.state() != BuildLog.State.RUNNING).count();
            progress.set(last.total() == 0 ? 0 : Math.min(1.0, (double) done / last.total()));
            progressText.set(I18n.t("build.progress", last.number(), last.total(), cached));
            status.set(I18n.t("build.running", last.text()));
        }
    }

    /** The build made {@code id}; {@code done} says so in words. */
    void succeeded(String id, String done) {
        progress.set(1);
        running.set(false);
        builtImage.set(id);
        status.set(done);
    }

    /** The build failed (with the failed step and its line when known) or was cancelled. */
    void failed(String message, boolean cancelled) {
        running.set(false);
        if (cancelled) {
            status.set(I18n.t("build.cancelled"));
            return;
        }
        status.set("");
        StepRow failedStep = steps.stream().filter(s -> s.stateProperty().get() == BuildLog.State.FAILED).findFirst()
                .orElse(null);
        error.set(failedStep == null ? message : failedStep.line() > 0
                ? I18n.t("build.failedStepAt", failedStep.number(), failedStep.line(), failedStep.text(), message)
                : I18n.t("build.failedStep", failedStep.number(), failedStep.text(), message));
    }
}
