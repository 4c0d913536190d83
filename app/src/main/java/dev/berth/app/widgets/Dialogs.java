package dev.berth.app.widgets;

import dev.berth.app.support.I18n;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Confirmations worded for people who may be new to containers. */
public final class Dialogs {
    private Dialogs() {}

    /** Asks "Remove …?" with a destructive button; true when confirmed. */
    public static boolean confirm(Node owner, String header, String detail, String actionText) {
        ButtonType ok = new ButtonType(actionText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.t("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, ok, cancel);
        alert.setTitle(I18n.t("app.name"));
        alert.setHeaderText(header);
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    /** Asks for one line of text ({@code initial} filled in); empty when cancelled. */
    public static java.util.Optional<String> askText(Node owner, String title, String header, String label,
            String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(header);
        d.setContentText(label);
        d.getEditor().setAccessibleText(label);
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        return d.showAndWait();
    }
}
