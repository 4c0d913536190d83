package dev.berth.app.swarm;

import dev.berth.app.engine.swarm.SwarmService;
import dev.berth.app.support.I18n;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** A window that follows one service's log (every task, named), until it is closed. */
final class ServiceLogsWindow {
    private ServiceLogsWindow() {}

    static void open(Node owner, ServiceLogsViewModel vm, SwarmService service) {
        ListView<String> list = new ListView<>(vm.lines());
        list.setId("swarm-service-log");
        list.getStyleClass().add("log-list");
        list.setAccessibleText(I18n.t("swarm.logs.title", service.name()));
        // Keep the newest line in view while the log grows.
        vm.lines().addListener((javafx.collections.ListChangeListener<String>) c -> list.scrollTo(vm.lines()
                .size() - 1));
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add("danger");
        VBox box = new VBox(6, error, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(8));
        Stage stage = new Stage();
        stage.setTitle(I18n.t("swarm.logs.title", service.name()));
        if (owner.getScene() != null) {
            stage.initOwner(owner.getScene().getWindow());
            stage.setScene(new Scene(box, 900, 500));
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            stage.setScene(new Scene(box, 900, 500));
        }
        stage.setOnHidden(e -> vm.close());
        vm.follow(service, 200);
        stage.show();
    }
}
