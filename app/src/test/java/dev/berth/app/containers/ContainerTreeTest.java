package dev.berth.app.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.berth.app.engine.ContainerSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

class ContainerTreeTest {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static ContainerSummary c(String id, String state, String project) {
        return new ContainerSummary(id, "name-" + id, "busybox", "sha256:bb", state, state, List.of(), T,
                project == null ? Map.of() : Map.of(ContainerSummary.COMPOSE_PROJECT_LABEL, project), List.of());
    }

    private static ContainerGroup alone(ContainerSummary c) {
        return new ContainerGroup(null, List.of(c));
    }

    @Test
    void aReloadKeepsTheItemsAndReplacesOnlyChangedValues() {
        ContainerTree tree = new ContainerTree();
        tree.show(List.of(alone(c("a", "running", null)), alone(c("b", "exited", null))));
        TreeItem<ContainerTreeRow> a = tree.root().getChildren().get(0);
        TreeItem<ContainerTreeRow> b = tree.root().getChildren().get(1);
        ContainerTreeRow bValue = b.getValue();
        List<ListChangeListener.Change<?>> changes = new ArrayList<>();
        tree.root().getChildren().addListener((ListChangeListener<TreeItem<ContainerTreeRow>>) changes::add);

        tree.show(List.of(alone(c("a", "exited", null)), alone(c("b", "exited", null))));

        assertSame(a, tree.root().getChildren().get(0));
        assertSame(b, tree.root().getChildren().get(1));
        assertEquals("exited", ((ContainerTreeRow.Container) a.getValue()).summary().state());
        assertSame(bValue, b.getValue(), "an unchanged container keeps its value, so its row is not repainted");
        assertEquals(List.of(), changes, "no list change when only a value changed");
    }

    @Test
    void newAndGoneContainersAreSingleInsertsAndRemovals() {
        ContainerTree tree = new ContainerTree();
        tree.show(List.of(alone(c("a", "running", null)), alone(c("c", "running", null))));
        TreeItem<ContainerTreeRow> a = tree.root().getChildren().get(0);
        List<String> ops = new ArrayList<>();
        tree.root().getChildren().addListener((ListChangeListener<TreeItem<ContainerTreeRow>>) ch -> {
            while (ch.next()) {
                ops.add((ch.wasAdded() ? "+" + ch.getAddedSize() : "")
                        + (ch.wasRemoved() ? "-" + ch.getRemovedSize() : ""));
            }
        });

        tree.show(List.of(alone(c("b", "created", null)), alone(c("c", "running", null))));

        assertEquals(List.of("-1", "+1"), ops);
        assertEquals(List.of("b", "c"), tree.root().getChildren().stream()
                .map(i -> i.getValue().key()).toList());
        assertFalse(tree.root().getChildren().contains(a));
    }

    @Test
    void projectsKeepTheirExpansionAndChildren() {
        ContainerTree tree = new ContainerTree();
        var web = c("w", "running", "shop");
        var db = c("d", "running", "shop");
        tree.show(List.of(new ContainerGroup("shop", List.of(db, web))));
        TreeItem<ContainerTreeRow> project = tree.root().getChildren().getFirst();
        project.setExpanded(false);
        TreeItem<ContainerTreeRow> dbItem = project.getChildren().getFirst();

        var dbStopped = c("d", "exited", "shop");
        tree.show(List.of(new ContainerGroup("shop", List.of(dbStopped, web))));

        assertSame(project, tree.root().getChildren().getFirst());
        assertFalse(project.isExpanded());
        assertSame(dbItem, project.getChildren().getFirst());
        assertEquals(1, ((ContainerTreeRow.Project) project.getValue()).group().running());
    }

    @Test
    void syncMovesAndFallsBackToOneSetAllForBigChanges() {
        ObservableList<String> list = FXCollections.observableArrayList("a", "b", "c", "d");
        String a = list.get(0);
        String d = list.get(3);
        ContainerTree.sync(list, List.of(d, a, list.get(1)));
        assertEquals(List.of("d", "a", "b"), list);

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("n" + i);
        }
        int[] events = {0};
        list.addListener((ListChangeListener<String>) ch -> events[0]++);
        ContainerTree.sync(list, many);
        assertEquals(many, list);
        assertEquals(1, events[0], "a hundred new rows arrive in one change");
    }
}
