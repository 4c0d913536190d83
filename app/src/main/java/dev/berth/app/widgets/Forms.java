package dev.berth.app.widgets;

import dev.berth.app.support.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The pieces of the app's two-column forms (Run, Build): labels, bound fields, and messages that show when set. */
public final class Forms {
    private Forms() {}

    /** A column that takes the form's spare width. */
    public static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    /** A field's label, aligned with the first line of a taller field. */
    public static Label key(String key) {
        Label l = new Label(I18n.t(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(l, VPos.TOP);
        l.setPadding(new Insets(5, 0, 0, 0));
        return l;
    }

    /** A text field bound both ways to {@code p}. */
    public static TextField field(StringProperty p, String key, String prompt, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(I18n.t(key));
        f.textProperty().bindBidirectional(p);
        return f;
    }

    /** A two-line text area bound both ways to {@code p}, for one entry per line. */
    public static TextArea area(StringProperty p, String key, String prompt, String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPromptText(prompt + "\n" + I18n.t("run.onePerLine"));
        a.setAccessibleText(I18n.t(key));
        a.setPrefRowCount(2);
        a.textProperty().bindBidirectional(p);
        return a;
    }

    /** A wrapped message in {@code style} that takes no room while {@code text} is empty. */
    public static Label message(ObservableStringValue text, String style, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
