package dev.berth.app.details;

import dev.berth.app.stats.StatsOverviewView;
import dev.berth.app.stats.StatsOverviewViewModel;
import dev.berth.app.stats.StatsView;
import dev.berth.app.stats.StatsViewModel;
import dev.berth.app.support.I18n;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Stats tab: this container's charts or the overview of all running containers; streams only while shown. */
public final class StatsTab implements DetailTab {
    private final StatsViewModel one;
    private final StatsOverviewViewModel all;
    private final StatsView oneView;
    private final VBox root = new VBox(8);
    private final ToggleButton allButton = new ToggleButton(I18n.t("stats.all"));
    private boolean visible;

    StatsTab(DetailContext ctx) {
        one = new StatsViewModel(ctx.engine(), ctx.async(), ctx.containerId());
        all = new StatsOverviewViewModel(ctx.engine(), ctx.async());
        oneView = new StatsView(one);
        Node allView = new StatsOverviewView(all).root();
        ToggleGroup group = new ToggleGroup();
        ToggleButton oneButton = new ToggleButton(I18n.t("stats.this", ctx.containerName()));
        oneButton.setToggleGroup(group);
        allButton.setToggleGroup(group);
        oneButton.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            }
            update();
        });
        oneView.root().visibleProperty().bind(oneButton.selectedProperty());
        allView.visibleProperty().bind(allButton.selectedProperty());
        StackPane body = new StackPane(oneView.root(), allView);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(new HBox(0, oneButton, allButton), body);
    }

    private void update() {
        one.setActive(visible && !allButton.isSelected());
        all.setActive(visible && allButton.isSelected());
    }

    /** This container's view, for tests. */
    public StatsView view() {
        return oneView;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        visible = true;
        update();
    }

    @Override
    public void hidden() {
        visible = false;
        update();
    }

    @Override
    public void close() {
        hidden();
    }
}
