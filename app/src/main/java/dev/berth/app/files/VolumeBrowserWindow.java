package dev.berth.app.files;

import dev.berth.app.engine.Engine;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** A window browsing one volume's files; its helper container goes when the window closes. */
public final class VolumeBrowserWindow {
    private VolumeBrowserWindow() {}

    /** Starts the volume's helper in the background and shows the browser once it runs. */
    public static void open(Node owner, Supplier<Engine> engine, Async async, String volume) {
        Stage stage = new Stage();
        stage.initOwner(owner.getScene().getWindow());
        stage.setTitle(I18n.t("files.volumeTitle", volume));
        StackPane content = new StackPane(new Label(I18n.t("files.volumeStarting")));
        content.getStyleClass().add("page");
        Scene scene = new Scene(content, 900, 600);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        async.run(() -> VolumeFiles.open(engine.get(), volume), source -> {
            FilesViewModel vm = new FilesViewModel(engine, async, source);
            if (!stage.isShowing()) {
                vm.close();
                return;
            }
            content.getChildren().setAll(new FilesView(vm).root());
            stage.setOnHidden(e -> vm.close());
            vm.refresh();
        }, message -> content.getChildren().setAll(new Label(message)));
    }
}
