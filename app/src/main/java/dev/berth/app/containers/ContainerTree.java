package dev.berth.app.containers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * The containers tree's items, kept in place across reloads: a reload changes only the rows whose container
 * changed, inserts the new ones and drops the gone ones. Rebuilding 500 tree items on every engine event made the
 * table re-create every visible cell and stalled the FX thread for a frame or more; a container that starts now
 * costs one row's cells. Items keep their identity, so selection, expansion and scroll position stay put.
 */
final class ContainerTree {
    /** Above this many inserts and removals one {@code setAll} is cheaper than single changes (each is an event). */
    private static final int PIECEWISE_LIMIT = 32;

    private final TreeItem<ContainerTreeRow> root = new TreeItem<>();
    private final Map<String, TreeItem<ContainerTreeRow>> byKey = new HashMap<>();
    private final Map<String, Boolean> expanded = new HashMap<>();

    TreeItem<ContainerTreeRow> root() {
        return root;
    }

    /** Makes the tree show {@code groups}: compose projects with their containers, then standalone containers. */
    void show(List<ContainerGroup> groups) {
        Set<String> live = new HashSet<>();
        List<TreeItem<ContainerTreeRow>> top = new ArrayList<>(groups.size());
        for (ContainerGroup g : groups) {
            if (g.isProject()) {
                TreeItem<ContainerTreeRow> project = item(new ContainerTreeRow.Project(g), live);
                List<TreeItem<ContainerTreeRow>> children = new ArrayList<>(g.containers().size());
                g.containers().forEach(c -> children.add(item(new ContainerTreeRow.Container(c), live)));
                sync(project.getChildren(), children);
                top.add(project);
            } else {
                top.add(item(new ContainerTreeRow.Container(g.containers().getFirst()), live));
            }
        }
        sync(root.getChildren(), top);
        byKey.keySet().retainAll(live);
    }

    /** The item for {@code row}'s key, made if new, its value replaced only if it changed (that repaints its row). */
    private TreeItem<ContainerTreeRow> item(ContainerTreeRow row, Set<String> live) {
        live.add(row.key());
        TreeItem<ContainerTreeRow> item = byKey.get(row.key());
        if (item == null) {
            item = new TreeItem<>(row);
            if (row instanceof ContainerTreeRow.Project) {
                String key = row.key();
                item.setExpanded(expanded.getOrDefault(key, true));
                item.expandedProperty().addListener((o, a, b) -> expanded.put(key, b));
            }
            byKey.put(row.key(), item);
        } else if (!Objects.equals(item.getValue(), row)) {
            item.setValue(row);
        }
        return item;
    }

    /** Turns {@code current} into {@code wanted} (same items, same order) with as few list changes as it can. */
    static <T> void sync(ObservableList<T> current, List<T> wanted) {
        if (sameItems(current, wanted)) {
            return;
        }
        Set<T> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(wanted);
        int gone = (int) current.stream().filter(t -> !keep.contains(t)).count();
        if (gone + Math.abs(wanted.size() - (current.size() - gone)) > PIECEWISE_LIMIT) {
            current.setAll(wanted);
            return;
        }
        current.removeIf(t -> !keep.contains(t));
        for (int i = 0; i < wanted.size(); i++) {
            T want = wanted.get(i);
            if (i < current.size() && current.get(i) == want) {
                continue;
            }
            // Moved (a rename changes the order) or new: take it out where it is and put it here.
            for (int j = i + 1; j < current.size(); j++) {
                if (current.get(j) == want) {
                    current.remove(j);
                    break;
                }
            }
            current.add(i, want);
        }
    }

    private static <T> boolean sameItems(List<T> a, List<T> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
