package dev.berth.app.widgets;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A strip above a page's table that shows the last error (in the engine's words) or success notice, until dismissed.
 * Never shows a stack trace: ViewModels only hand it plain messages.
 */
public final class MessageBar extends HBox {
    private final Label text = new Label();

    public MessageBar(ObservableStringValue error, ObservableStringValue notice, Runnable dismiss) {
        getStyleClass().add("message-bar");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setAccessibleText(I18n.t("action.dismiss"));
        close.setOnAction(e -> dismiss.run());
        getChildren().addAll(text, close);
        setSpacing(8);
        Runnable update = () -> {
            boolean isError = !error.get().isEmpty();
            String msg = isError ? error.get() : notice.get();
            text.setText(msg);
            text.setAccessibleText(msg);
            getStyleClass().removeAll("error", "notice");
            getStyleClass().add(isError ? "error" : "notice");
            setVisible(!msg.isEmpty());
            setManaged(!msg.isEmpty());
        };
        error.addListener((o, a, b) -> update.run());
        notice.addListener((o, a, b) -> update.run());
        update.run();
    }
}
