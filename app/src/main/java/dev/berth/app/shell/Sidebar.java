package dev.berth.app.shell;

import atlantafx.base.theme.Styles;
import dev.berth.app.engine.Connection;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Icons;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The left column: app name, page buttons, and at the bottom the engine picker and Settings. */
final class Sidebar extends VBox {
    private final ToggleGroup group = new ToggleGroup();
    private final Map<PageId, ToggleButton> buttons = new EnumMap<>(PageId.class);

    Sidebar(ShellViewModel shell, Consumer<PageId> navigate) {
        getStyleClass().add("sidebar");
        setSpacing(4);
        Label brand = new Label(I18n.t("app.name"), Icons.of(Icons.BERTH, 22));
        brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
        getChildren().add(brand);
        for (PageId id : PageId.values()) {
            if (id == PageId.SETTINGS) {
                continue;
            }
            getChildren().add(button(id, navigate));
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);

        Label engineLabel = new Label(I18n.t("engine.label"));
        engineLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        ComboBox<Connection> picker = new ComboBox<>(shell.connections());
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setAccessibleText(I18n.t("engine.picker"));
        picker.setCellFactory(l -> new ConnectionCell());
        picker.setButtonCell(new ConnectionCell());
        picker.setValue(shell.currentProperty().get());
        shell.currentProperty().addListener((o, a, b) -> picker.setValue(b));
        picker.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(shell.currentProperty().get())) {
                shell.connect(b);
            }
        });
        engineLabel.setLabelFor(picker);
        getChildren().addAll(spacer, engineLabel, picker, button(PageId.SETTINGS, navigate));
    }

    private ToggleButton button(PageId id, Consumer<PageId> navigate) {
        ToggleButton b = new ToggleButton(I18n.t(id.titleKey), Icons.of(id.icon, 18));
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setGraphicTextGap(10);
        b.getStyleClass().addAll("nav-button", Styles.FLAT);
        b.setAccessibleText(I18n.t(id.titleKey));
        b.setMnemonicParsing(false);
        b.setOnAction(e -> {
            // A toggle in a group can be clicked off; navigation must always leave one page selected.
            b.setSelected(true);
            navigate.accept(id);
        });
        buttons.put(id, b);
        return b;
    }

    void select(PageId id) {
        buttons.get(id).setSelected(true);
    }

    /** The engine's name and where it comes from. */
    private static final class ConnectionCell extends ListCell<Connection> {
        @Override
        protected void updateItem(Connection c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(c.kind() == Connection.Kind.BERTH ? I18n.t("engine.berth") : c.name());
            setTooltip(new javafx.scene.control.Tooltip(c.uri()));
        }
    }

}
