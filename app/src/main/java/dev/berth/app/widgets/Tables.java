package dev.berth.app.widgets;

import atlantafx.base.theme.Tweaks;
import dev.berth.app.support.I18n;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The tables of the resource pages, set up alike. */
public final class Tables {
    private Tables() {}

    /** A multi-select table that fills the page and names itself for screen readers. */
    public static <T> void setUp(TableView<T> table, String accessibleName, String emptyText) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setAccessibleText(accessibleName);
        table.setPlaceholder(new Label(emptyText));
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    /** A read-only text column titled by the translation of {@code key}. */
    public static <T> TableColumn<T, String> text(String key, double width, Function<T, String> value) {
        TableColumn<T, String> col = new TableColumn<>(I18n.t(key));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        col.setPrefWidth(width);
        return col;
    }
}
