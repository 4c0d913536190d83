package dev.berth.app.containers;

import dev.berth.app.engine.ContainerDetails;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;

/** What a container runs and how it stands (double-click a container): state, exit code, command, environment. */
final class ContainerDetailsDialog {
    private final Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);

    ContainerDetailsDialog(ContainerDetails d, Node owner) {
        alert.setTitle(d.name());
        alert.setHeaderText(d.name() + "  ·  " + d.image());
        GridPane g = new GridPane(12, 6);
        int row = 0;
        g.addRow(row++, key(I18n.t("containers.col.state")), new Label(I18n.t("state." + d.state())));
        if (!d.running() && !d.state().equals("created")) {
            g.addRow(row++, key(I18n.t("details.exitCode")), new Label(String.valueOf(d.exitCode())));
        }
        if (!d.startedAt().equals(Instant.EPOCH)) {
            g.addRow(row++, key(I18n.t("details.started")), new Label(Format.age(d.startedAt(), Instant.now())));
        }
        g.addRow(row++, key(I18n.t("details.command")), new Label(String.join(" ", d.command())));
        TextArea env = new TextArea(d.env().isEmpty() ? I18n.t("details.noEnv") : String.join("\n", d.env()));
        env.setEditable(false);
        env.setPrefRowCount(6);
        env.setAccessibleText(I18n.t("details.env"));
        g.addRow(row, key(I18n.t("details.env")), env);
        alert.getDialogPane().setContent(g);
        alert.getDialogPane().setPrefWidth(620);
        alert.initOwner(owner.getScene().getWindow());
    }

    /** A field name that keeps its full width (a GridPane would otherwise cut it to "St…"). */
    private static Label key(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        javafx.scene.layout.GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        return l;
    }

    void show() {
        alert.show();
    }
}
