package dev.berth.app.widgets;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A page's title, one-line explanation, search field and action buttons. */
public final class PageHeader extends VBox {
    private final TextField search = new TextField();
    private final HBox toolbar = new HBox(8);

    public PageHeader(String title, String subtitle) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_2);
        Label s = new Label(subtitle);
        s.getStyleClass().add(Styles.TEXT_MUTED);
        s.setWrapText(true);
        search.setPromptText(I18n.t("action.search"));
        search.setAccessibleText(I18n.t("action.search"));
        search.setPrefColumnCount(22);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbar.getChildren().addAll(search, spacer);
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(t, s, toolbar);
        setSpacing(6);
        getStyleClass().add("page-header");
    }

    public TextField search() {
        return search;
    }

    /** Adds controls after the search field: filters left of the spacer, actions right of it. */
    public void addFilters(Node... nodes) {
        toolbar.getChildren().addAll(1, java.util.List.of(nodes));
    }

    public void addActions(Node... nodes) {
        toolbar.getChildren().addAll(nodes);
    }

    /** Adds an action right after {@code anchor} (an action already there), so related actions sit together. */
    public void addActionAfter(Node anchor, Node node) {
        int at = toolbar.getChildren().indexOf(anchor);
        toolbar.getChildren().add(at < 0 ? toolbar.getChildren().size() : at + 1, node);
    }
}
