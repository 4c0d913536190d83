package dev.berth.app.builds;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One step as the build window lists it: its number and instruction, how it stands, and its output so far. */
public final class StepRow {
    private final int number;
    private final int total;
    private final String text;
    private final int line;
    private final ReadOnlyObjectWrapper<BuildLog.State> state = new ReadOnlyObjectWrapper<>(this, "state",
            BuildLog.State.RUNNING);
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper(this, "output", "");

    StepRow(int number, int total, String text, int line) {
        this.number = number;
        this.total = total;
        this.text = text;
        this.line = line;
    }

    public int number() {
        return number;
    }

    public int total() {
        return total;
    }

    public String text() {
        return text;
    }

    /** The Dockerfile line of the instruction, or 0 when it cannot be told. */
    public int line() {
        return line;
    }

    public ReadOnlyObjectProperty<BuildLog.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    void update(BuildLog.Step step) {
        state.set(step.state());
        StringBuilder text = new StringBuilder();
        if (step.dropped() > 0) {
            text.append("… ").append(step.dropped()).append(" earlier lines\n");
        }
        step.lines().forEach(l -> text.append(l).append('\n'));
        output.set(text.toString());
    }
}
