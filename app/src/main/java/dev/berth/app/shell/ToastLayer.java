package dev.berth.app.shell;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Toasts in the window's bottom-right corner, one per {@link Notice} of the {@link NotificationCenter}. Successes and
 * information fade after a few seconds; warnings and errors stay until dismissed, so a crash is not missed.
 */
final class ToastLayer extends VBox {
    private static final Duration SHOWN_FOR = Duration.seconds(6);

    ToastLayer(NotificationCenter center) {
        getStyleClass().add("toast-layer");
        setSpacing(8);
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        center.visible().addListener((ListChangeListener<Notice>) c -> rebuild(center));
        rebuild(center);
    }

    private void rebuild(NotificationCenter center) {
        getChildren().setAll(center.visible().stream().map(n -> toast(n, center)).toList());
    }

    private static VBox toast(Notice n, NotificationCenter center) {
        Label title = new Label(n.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        Button close = new Button("✕");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setAccessibleText(I18n.t("action.dismiss"));
        close.setOnAction(e -> center.dismiss(n));
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox head = new HBox(8, title, close);
        head.setAlignment(Pos.TOP_LEFT);
        VBox box = new VBox(4, head);
        if (!n.detail().isBlank()) {
            Label detail = new Label(n.detail());
            detail.setWrapText(true);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(detail);
        }
        box.getStyleClass().addAll("toast", "toast-" + n.level().name().toLowerCase());
        box.setPrefWidth(340);
        box.setMaxWidth(340);
        box.setAccessibleText(n.title() + ". " + n.detail());
        if (n.level() == Notice.Level.INFO || n.level() == Notice.Level.SUCCESS) {
            PauseTransition fade = new PauseTransition(SHOWN_FOR);
            fade.setOnFinished(e -> center.dismiss(n));
            fade.play();
        }
        return box;
    }
}
