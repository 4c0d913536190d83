package dev.berth.app.widgets;

import dev.berth.app.support.I18n;
import dev.berth.app.support.ResourceListViewModel;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * A sidebar page that lists one kind of the engine's resources (containers, images, volumes, networks): its root,
 * its header with the search field, reloading from its ViewModel, and asking before a removal — the same on every
 * such page, so written once.
 */
public abstract class ListPage implements Page {
    protected final VBox root = new VBox(10);
    protected final PageHeader header;
    private final ResourceListViewModel<?> list;

    protected ListPage(PageHeader header, ResourceListViewModel<?> list) {
        this.header = header;
        this.list = list;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void focusSearch() {
        header.search().requestFocus();
        header.search().selectAll();
    }

    @Override
    public void refresh() {
        list.refresh();
    }

    /**
     * Asks whether to remove the items named {@code names} ({@code question} says how many, {@code help} what a
     * removal means, may be empty); false without asking when nothing is selected.
     */
    protected boolean confirmRemoval(List<String> names, String question, String help) {
        if (names.isEmpty()) {
            return false;
        }
        return Dialogs.confirm(root, question, (help.isEmpty() ? "" : help + "\n") + String.join(", ", names),
                I18n.t("action.remove"));
    }
}
