package dev.berth.app.terminal;

import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Terminal tabs for one container: a toolbar (shell, new terminal, open in external terminal) over one tab per
 * session. Widgets are kept per session, so hiding and showing the view keeps every screen as it was.
 */
public final class TerminalsView {
    private final TerminalsViewModel vm;
    private final boolean darkTheme;
    private final VBox root = new VBox(8);
    private final TabPane tabs = new TabPane();
    private final Map<TerminalSession, BerthTerminalWidget> widgets = new IdentityHashMap<>();

    public TerminalsView(TerminalsViewModel vm, boolean darkTheme) {
        this.vm = vm;
        this.darkTheme = darkTheme;
        createView();
        initListeners();
    }

    private void createView() {
        ComboBox<ShellChoice> shell = new ComboBox<>();
        shell.getItems().add(ShellChoice.AUTO);
        ShellChoice.OFFERED.forEach(p -> shell.getItems().add(new ShellChoice(p)));
        shell.setConverter(new StringConverter<>() {
            public String toString(ShellChoice c) {
                return c == null || c.isAuto() ? I18n.t("terminal.shell.auto") : c.path();
            }

            public ShellChoice fromString(String s) {
                return s == null || s.isBlank() ? ShellChoice.AUTO : new ShellChoice(s.strip());
            }
        });
        shell.setEditable(true);
        shell.valueProperty().bindBidirectional(vm.shellProperty());
        shell.setAccessibleText(I18n.t("terminal.shell"));
        Button open = Buttons.action(I18n.t("terminal.new"), vm::open);
        open.setId("terminal-new");
        Button external = Buttons.action(I18n.t("terminal.external"), vm::openExternal);
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        HBox bar = new HBox(8, new Label(I18n.t("terminal.shell")), shell, open, external, error);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getStyleClass().add("terminal-tabs");
        Label empty = new Label(I18n.t("terminal.empty"));
        empty.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        StackPane body = new StackPane(empty, tabs);
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(bar, body);
        root.getStyleClass().add("terminals");
    }

    private void initListeners() {
        vm.sessions().forEach(this::addTab);
        vm.sessions().addListener((ListChangeListener<TerminalSession>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::addTab);
                c.getRemoved().forEach(this::removeTab);
            }
        });
    }

    private void addTab(TerminalSession session) {
        BerthTerminalWidget widget = BerthTerminalWidget.create(darkTheme);
        widgets.put(session, widget);
        widget.setTtyConnector(new ExecTtyConnector(session.exec(), session.title()));
        widget.start();
        ImeInput.install(keyTarget(widget), session.exec());
        ControlKeys.install(keyTarget(widget), widget.getTerminalPanel());
        Tab tab = new Tab(session.title(), widget.getPane());
        tab.setUserData(session);
        tab.setOnClosed(e -> vm.close(session));
        session.endedProperty().addListener((o, a, ended) -> {
            if (ended) {
                tab.setText(session.title() + " · " + I18n.t("terminal.ended"));
            }
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        javafx.application.Platform.runLater(() -> keyTarget(widget).requestFocus());
    }

    private void removeTab(TerminalSession session) {
        tabs.getTabs().removeIf(t -> t.getUserData() == session);
        BerthTerminalWidget widget = widgets.remove(session);
        if (widget != null) {
            widget.close();
        }
    }

    /**
     * The screen text of a session as a person reads it, for tests and accessibility: the emulator stores a wide
     * character (Hangul, CJK) as the character plus a placeholder cell, which is dropped here.
     */
    public String screenText(TerminalSession session) {
        BerthTerminalWidget w = widgets.get(session);
        return w == null ? "" : w.getTerminalTextBuffer().getScreenLines()
                .replace(String.valueOf(com.techsenger.jeditermfx.core.util.CharUtils.DWC), "");
    }

    /**
     * The ANSI color index (0–255) of the foreground of the first on-screen cell where {@code text} starts; -1 when
     * the text is not on screen or has the default color, -2 for a true color. For tests and accessibility checks.
     */
    public int foregroundIndexAt(TerminalSession session, String text) {
        var buffer = widgets.get(session).getTerminalTextBuffer();
        buffer.lock();
        try {
            for (int y = 0; y < buffer.getHeight(); y++) {
                var line = buffer.getLine(y);
                int x = line.getText().indexOf(text);
                if (x >= 0) {
                    var fg = line.getStyleAt(x) == null ? null : line.getStyleAt(x).getForeground();
                    return fg == null ? -1 : fg.isIndexed() ? fg.getColorIndex() : -2;
                }
            }
            return -1;
        } finally {
            buffer.unlock();
        }
    }

    /** Selects the whole screen of a session (what Ctrl+Shift+A or the context menu's Select All does). */
    public void selectAll(TerminalSession session) {
        widgets.get(session).getTerminalPanel().selectAll();
    }

    /** Whether a full-screen program (vi, less, top) switched the session to the alternate screen. */
    public boolean usesAlternateScreen(TerminalSession session) {
        return widgets.get(session).getTerminalTextBuffer().isUsingAlternateBuffer();
    }

    /** The emulator's width in columns (what the exec's TTY is resized to). */
    public int columns(TerminalSession session) {
        return widgets.get(session).getTerminalTextBuffer().getWidth();
    }

    /** Whether the session's terminal widget exists yet (sessions open in the background, widgets on the FX thread). */
    public boolean shows(TerminalSession session) {
        return widgets.containsKey(session);
    }

    /** The keyboard target of a session's terminal. */
    public Node focusTarget(TerminalSession session) {
        return keyTarget(widgets.get(session));
    }

    /** JediTermFX listens for keys on its canvas (its "preferred focusable node" is the pane around it). */
    private static Node keyTarget(BerthTerminalWidget widget) {
        return widget.getTerminalPanel().getCanvas();
    }

    public Node root() {
        return root;
    }
}
