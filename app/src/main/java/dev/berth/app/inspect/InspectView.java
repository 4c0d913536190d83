package dev.berth.app.inspect;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The Inspect tab: container or image, tree or raw, and a search that narrows the tree. */
public final class InspectView {
    private final InspectViewModel vm;
    private final VBox root = new VBox(8);
    private final TreeView<JsonTree> tree = new TreeView<>();
    private final TextArea raw = new TextArea();

    public InspectView(InspectViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        ToggleGroup subjects = new ToggleGroup();
        ToggleButton container = toggle(I18n.t("inspect.container"), subjects);
        ToggleButton image = toggle(I18n.t("inspect.image"), subjects);
        container.setSelected(true);
        subjects.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                vm.subjectProperty()
                        .set(b == image ? InspectViewModel.Subject.IMAGE : InspectViewModel.Subject.CONTAINER);
            }
        });
        ToggleGroup modes = new ToggleGroup();
        ToggleButton treeMode = toggle(I18n.t("inspect.tree"), modes);
        ToggleButton rawMode = toggle(I18n.t("inspect.raw"), modes);
        treeMode.setSelected(true);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            }
        });
        TextField search = new TextField();
        search.setPromptText(I18n.t("inspect.search"));
        search.setAccessibleText(I18n.t("inspect.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        HBox bar = new HBox(8, container, image, new Label("  "), treeMode, rawMode, search, error);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        tree.setShowRoot(true);
        tree.setCellFactory(t -> new JsonCell());
        tree.visibleProperty().bind(treeMode.selectedProperty());
        raw.setEditable(false);
        raw.getStyleClass().add("inspect-raw");
        raw.visibleProperty().bind(rawMode.selectedProperty());
        StackPane body = new StackPane(tree, raw);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(bar, body);
    }

    private static ToggleButton toggle(String text, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setToggleGroup(group);
        return b;
    }

    private void initListeners() {
        vm.treeProperty().addListener((o, a, b) -> tree.setRoot(b == null ? null
                : item(b, !vm.searchProperty().get().isBlank(), 0)));
        raw.textProperty().bind(vm.rawProperty());
    }

    /** Builds the items; with a search every kept node is expanded, otherwise the top two levels. */
    private static TreeItem<JsonTree> item(JsonTree node, boolean expandAll, int depth) {
        TreeItem<JsonTree> it = new TreeItem<>(node);
        node.children().forEach(c -> it.getChildren().add(item(c, expandAll, depth + 1)));
        it.setExpanded(expandAll || depth < 1);
        return it;
    }

    /** "key: value" with the key bold. */
    private static final class JsonCell extends TreeCell<JsonTree> {
        @Override
        protected void updateItem(JsonTree node, boolean empty) {
            super.updateItem(node, empty);
            setText(null);
            if (empty || node == null) {
                setGraphic(null);
                return;
            }
            Text key = new Text(node.key() + ": ");
            key.getStyleClass().addAll("json-key", Styles.TEXT_BOLD);
            Text value = new Text(node.value());
            value.getStyleClass().add(node.kind() == JsonTree.Kind.SCALAR ? "json-value" : "json-count");
            setGraphic(new TextFlow(key, value));
        }
    }

    public TreeView<JsonTree> tree() {
        return tree;
    }

    public Node root() {
        return root;
    }
}
