package dev.berth.app.volumes;

import atlantafx.base.theme.Styles;
import dev.berth.app.support.I18n;
import dev.berth.app.widgets.Buttons;
import dev.berth.app.widgets.Dialogs;
import dev.berth.app.widgets.MessageBar;
import dev.berth.app.widgets.ListPage;
import dev.berth.app.widgets.PageHeader;
import dev.berth.app.widgets.Tables;
import java.util.List;
import java.util.Locale;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Volumes page. */
public final class VolumesView extends ListPage {
    private final VolumesViewModel vm;
    private final TableView<VolumeRow> table = new TableView<>();

    private java.util.function.Consumer<String> onBrowse;

    /** "Browse files" calls this with the selected volume's name (the shell opens the file browser). */
    public void setOnBrowse(java.util.function.Consumer<String> onBrowse) {
        this.onBrowse = onBrowse;
    }

    public VolumesView(VolumesViewModel vm) {
        super(new PageHeader(I18n.t("volumes.title"), I18n.t("volumes.subtitle")), vm);
        this.vm = vm;
        createView();
    }

    private void createView() {
        FilteredList<VolumeRow> visible = new FilteredList<>(vm.items());
        header.search().textProperty().addListener((o, a, b) -> {
            String needle = b.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(v -> needle.isEmpty() || v.name().toLowerCase(Locale.ROOT).contains(needle));
        });
        Button create = Buttons.action(I18n.t("volumes.create"), this::create, Styles.ACCENT);
        Button remove = Buttons.action(I18n.t("action.remove"), this::deleteSelected, Styles.DANGER);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button prune = Buttons.action(I18n.t("action.prune"), this::prune);
        Button browse = Buttons.action(I18n.t("volumes.browse"), () -> {
            if (onBrowse != null && table.getSelectionModel().getSelectedItem() != null) {
                onBrowse.accept(table.getSelectionModel().getSelectedItem().name());
            }
        });
        browse.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        header.addActions(create, browse, remove, prune);

        table.setItems(visible);
        dev.berth.app.widgets.KeptSelection.keep(table, VolumeRow::name);
        Tables.setUp(table, I18n.t("volumes.title"), I18n.t("volumes.empty"));
        table.getColumns().setAll(List.of(
                Tables.<VolumeRow>text("volumes.col.name", 280, VolumeRow::name),
                Tables.<VolumeRow>text("volumes.col.driver", 90, VolumeRow::driver),
                Tables.<VolumeRow>text("volumes.col.usedBy", 200, v -> v.inUse() ? String.join(", ", v.usedBy())
                        : I18n.t("volumes.unused")),
                Tables.<VolumeRow>text("volumes.col.mountpoint", 360, VolumeRow::mountpoint)));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header, new MessageBar(vm.errorProperty(), vm.noticeProperty(), vm::dismissMessages),
                table);
        root.getStyleClass().add("page");
        // Hidden, the page reloads only when it shows again (see ResourceListViewModel#setShown).
        dev.berth.app.widgets.OnScreen.track(root, vm::setShown);
    }

    private void create() {
        TextInputDialog d = new TextInputDialog();
        d.setTitle(I18n.t("volumes.create"));
        d.setHeaderText(I18n.t("volumes.createHeader"));
        d.setContentText(I18n.t("volumes.col.name"));
        d.getEditor().setAccessibleText(I18n.t("volumes.col.name"));
        d.initOwner(root.getScene().getWindow());
        d.showAndWait().ifPresent(vm::create);
    }

    private void prune() {
        if (Dialogs.confirm(root, I18n.t("volumes.pruneConfirm"), I18n.t("volumes.pruneHelp"),
                I18n.t("action.prune"))) {
            vm.prune();
        }
    }

    @Override
    public void deleteSelected() {
        List<VolumeRow> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (confirmRemoval(rows.stream().map(VolumeRow::name).toList(), I18n.t("volumes.removeConfirm", rows.size()),
                I18n.t("volumes.removeHelp"))) {
            vm.remove(rows);
        }
    }
}
