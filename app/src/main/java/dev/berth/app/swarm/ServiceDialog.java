package dev.berth.app.swarm;

import dev.berth.app.support.I18n;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The "New service" form: name, image, replicas, published ports and command, with a hint under each. */
final class ServiceDialog {
    private ServiceDialog() {}

    /** What the form held when the person pressed Create. */
    record Fields(String name, String image, String replicas, String ports, String command) {
    }

    static Optional<Fields> ask(Node owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(I18n.t("swarm.service.create"));
        d.setHeaderText(I18n.t("swarm.service.createHeader"));
        ButtonType create = new ButtonType(I18n.t("swarm.service.createButton"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        TextField name = field("swarm-form-name", "web");
        TextField image = field("swarm-form-image", "nginx:1.27");
        TextField replicas = field("swarm-form-replicas", "1");
        replicas.setText("1");
        TextField ports = field("swarm-form-ports", "8080:80");
        TextField command = field("swarm-form-command", "");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        row(grid, 0, "swarm.col.name", name);
        row(grid, 1, "swarm.col.image", image);
        row(grid, 2, "swarm.col.replicas", replicas);
        row(grid, 3, "swarm.col.ports", ports);
        Label portsHint = new Label(I18n.t("swarm.service.portsHint"));
        portsHint.getStyleClass().add("text-muted");
        grid.add(portsHint, 1, 4);
        row(grid, 5, "swarm.form.command", command);
        d.getDialogPane().setContent(grid);
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        return d.showAndWait().filter(create::equals).map(b -> new Fields(name.getText(), image.getText(),
                replicas.getText(), ports.getText(), command.getText()));
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(24);
        return f;
    }

    private static void row(GridPane grid, int row, String key, TextField field) {
        Label label = new Label(I18n.t(key));
        label.setLabelFor(field);
        field.setAccessibleText(I18n.t(key));
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }
}
