package dev.berth.app.shell;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The Berth desktop app's entry point: opens the main window. */
public final class BerthApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Berth");
        stage.setScene(new Scene(new StackPane(new Label("Berth")), 960, 640));
        stage.show();
    }

    public static void main(String[] args) {
        launch(BerthApp.class, args);
    }
}
