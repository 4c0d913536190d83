package dev.berth.app.widgets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Keeps a table's selected resources selected across reloads. A reload brings new row objects: JavaFX drops the
 * selection when the row count changes or the selected row itself is replaced, and keeps an index (so possibly another
 * resource) otherwise — an event about one container used to clear the image the user had just selected or built.
 * Rows are matched by a key (an ID, a name) instead.
 */
public final class KeptSelection<T> {
    private final TableView<T> table;
    private final Function<T, ?> key;
    /** Keys of what the user last selected; confirmed after each pulse, so a reload's clearing never lands here. */
    private Set<Object> remembered = Set.of();
    private boolean confirmQueued;
    private boolean restoring;

    private KeptSelection(TableView<T> table, Function<T, ?> key) {
        this.table = table;
        this.key = key;
    }

    /** Starts keeping {@code table}'s selection by {@code key}. */
    public static <T> void keep(TableView<T> table, Function<T, ?> key) {
        KeptSelection<T> kept = new KeptSelection<>(table, key);
        ListChangeListener<T> onItems = c -> kept.restore();
        table.getItems().addListener(onItems);
        table.itemsProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removeListener(onItems);
            }
            if (b != null) {
                b.addListener(onItems);
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<T>) c -> kept.selectionChanged());
    }

    private void selectionChanged() {
        if (restoring || confirmQueued) {
            return;
        }
        // The table's own reaction to a reload changes the selection before our items listener runs: what the user
        // chose is whatever is selected once the reload is over, so read it after this pulse.
        confirmQueued = true;
        Platform.runLater(() -> {
            confirmQueued = false;
            remembered = keysOf(table.getSelectionModel().getSelectedItems());
        });
    }

    private void restore() {
        if (remembered.isEmpty() || keysOf(table.getSelectionModel().getSelectedItems()).equals(remembered)) {
            return;
        }
        ObservableList<T> items = table.getItems();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (remembered.contains(key.apply(items.get(i)))) {
                indices.add(i);
            }
        }
        restoring = true;
        try {
            table.getSelectionModel().clearSelection();
            for (int i : indices) {
                table.getSelectionModel().select(i);
            }
        } finally {
            restoring = false;
        }
        // A resource that is gone stays forgotten, even if one of the same name comes back later.
        remembered = keysOf(table.getSelectionModel().getSelectedItems());
    }

    private Set<Object> keysOf(List<T> rows) {
        Set<Object> keys = new LinkedHashSet<>();
        for (T row : rows) {
            if (row != null) {
                keys.add(key.apply(row));
            }
        }
        return keys;
    }
}
