package dev.berth.app.details;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.Page;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One container's page: back, its name, image and state, a close button, and a tab per provider. The selected
 * tab is told it is shown only while the page is on screen (the page is in a scene graph), so leaving the page
 * stops the stats stream without closing terminals.
 */
public final class ContainerDetailsPage implements Page {
    private final DetailContext context;
    private final VBox root = new VBox(10);
    private final TabPane tabs = new TabPane();
    private final List<DetailTab> created = new ArrayList<>();
    private DetailTab visibleTab;

    /**
     * @param back  returns to the containers list (the page stays open)
     * @param close closes the page: its terminals hang up, its streams stop
     */
    public ContainerDetailsPage(DetailContext context, List<DetailTabProvider> providers, Runnable back,
            Runnable close) {
        this.context = context;
        Button backButton = Buttons.action("← " + I18n.t("details.back"), back, Styles.FLAT);
        Label name = new Label(context.containerName());
        name.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label(context.image() + "  ·  " + (context.running() ? I18n.t("state.running")
                : I18n.t("details.notRunning")));
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button closeButton = Buttons.action(I18n.t("details.close"), close);
        HBox header = new HBox(12, backButton, name, sub, spacer, closeButton);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (DetailTabProvider p : providers) {
            DetailTab t = p.create(context);
            created.add(t);
            Tab tab = new Tab(p.title(), t.root());
            tab.setId("tab-" + p.id());
            tab.setUserData(t);
            tabs.getTabs().add(tab);
        }
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(header, tabs);
        root.getStyleClass().addAll("page", "container-details");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateVisible());
        root.sceneProperty().addListener((o, a, b) -> updateVisible());
    }

    /** Tells the tab that became visible, and the one that stopped being so. */
    private void updateVisible() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        DetailTab now = root.getScene() == null || selected == null ? null : (DetailTab) selected.getUserData();
        if (now == visibleTab) {
            return;
        }
        if (visibleTab != null) {
            visibleTab.hidden();
        }
        visibleTab = now;
        if (now != null) {
            now.shown();
        }
    }

    /** Selects the tab with this provider id. */
    public void select(String providerId) {
        tabs.getTabs().stream().filter(t -> t.getId().equals("tab-" + providerId)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** The tab made by the provider with this id (tests drive tabs through it). */
    public DetailTab tab(String providerId) {
        return tabs.getTabs().stream().filter(t -> t.getId().equals("tab-" + providerId)).findFirst()
                .map(t -> (DetailTab) t.getUserData()).orElseThrow();
    }

    public DetailContext context() {
        return context;
    }

    /** Closes every tab (terminals hang up, streams stop). */
    public void dispose() {
        if (visibleTab != null) {
            visibleTab.hidden();
            visibleTab = null;
        }
        created.forEach(DetailTab::close);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void focusSearch() {
        if (visibleTab != null) {
            visibleTab.focusSearch();
        }
    }

    @Override
    public void refresh() {
        if (visibleTab != null) {
            visibleTab.hidden();
            visibleTab.shown();
        }
    }

    @Override
    public void deleteSelected() {
        // Nothing to delete here; Delete goes to the terminal or the focused field.
    }
}
