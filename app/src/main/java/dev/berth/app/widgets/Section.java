package dev.berth.app.widgets;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A titled block of a page with one plain sentence under the title that says what the block shows and why it matters. */
public final class Section extends VBox {
    public Section(String title, String explanation, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        Label e = new Label(explanation);
        e.getStyleClass().addAll(Styles.TEXT_MUTED, "section-explanation");
        e.setWrapText(true);
        e.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(t, e);
        getChildren().addAll(content);
        setSpacing(6);
        getStyleClass().add("section");
    }
}
