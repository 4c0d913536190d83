package dev.berth.app.terminal;

import dev.berth.app.engine.ExecSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** One open terminal: the exec it talks to, the shell it runs and whether it is still alive. */
public final class TerminalSession {
    private final ExecSession exec;
    private final String shell;
    private final String title;
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper();

    TerminalSession(ExecSession exec, String shell, String title) {
        this.exec = exec;
        this.shell = shell;
        this.title = title;
    }

    public ExecSession exec() {
        return exec;
    }

    public String shell() {
        return shell;
    }

    public String title() {
        return title;
    }

    /** True once the shell exited (the tab stays, read-only, so its last screen can still be read). */
    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    void markEnded() {
        ended.set(true);
    }
}
