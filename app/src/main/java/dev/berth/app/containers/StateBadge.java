package dev.berth.app.containers;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.support.I18n;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** A colored pill for a container's state: green running, gray stopped, amber paused/restarting, red dead. */
final class StateBadge {
    private StateBadge() {}

    static Label of(ContainerSummary c) {
        String state = c.state().isEmpty() ? "unknown" : c.state();
        Label l = new Label(I18n.t("state." + state));
        l.getStyleClass().addAll("state-badge", "state-" + state);
        l.setTooltip(new Tooltip(c.status()));
        l.setAccessibleText(I18n.t("containers.col.state") + ": " + l.getText() + " (" + c.status() + ")");
        return l;
    }
}
