package dev.berth.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class KeptSelectionTest {
    /** A row with an identity and a field that changes between loads, like an image whose "in use" flips. */
    record Row(String name, int state) {}

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private TableView<Row> table;

    @BeforeEach
    void setUp(FxRobot robot) {
        robot.interact(() -> {
            rows.setAll(new Row("a", 0), new Row("b", 0), new Row("c", 0));
            table = new TableView<>(rows);
            table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            KeptSelection.keep(table, Row::name);
            table.getSelectionModel().select(1);
        });
    }

    private List<Row> selected(FxRobot robot) {
        robot.interact(() -> {});
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    @Test
    void aReloadWithMoreRowsKeepsTheSelectedResource(FxRobot robot) {
        robot.interact(() -> rows.setAll(new Row("0", 0), new Row("a", 1), new Row("b", 0), new Row("c", 0)));
        assertEquals(List.of(new Row("b", 0)), selected(robot));
    }

    @Test
    void aReloadThatChangedTheSelectedRowKeepsIt(FxRobot robot) {
        robot.interact(() -> rows.set(1, new Row("b", 7)));
        assertEquals(List.of(new Row("b", 7)), selected(robot));
        robot.interact(() -> rows.setAll(new Row("b", 8), new Row("c", 0)));
        assertEquals(List.of(new Row("b", 8)), selected(robot));
    }

    @Test
    void aReloadOfTheSameSizeDoesNotMoveTheSelectionToAnotherResource(FxRobot robot) {
        robot.interact(() -> rows.setAll(new Row("b", 0), new Row("a", 0), new Row("c", 0)));
        assertEquals(List.of(new Row("b", 0)), selected(robot));
    }

    @Test
    void everySelectedRowIsKept(FxRobot robot) {
        robot.interact(() -> table.getSelectionModel().select(2));
        robot.interact(() -> rows.setAll(new Row("c", 1), new Row("x", 0), new Row("b", 1)));
        assertEquals(List.of(new Row("c", 1), new Row("b", 1)), selected(robot));
    }

    @Test
    void whatTheUserDeselectedStaysDeselected(FxRobot robot) {
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.interact(() -> rows.setAll(new Row("a", 0), new Row("b", 1)));
        assertEquals(List.of(), selected(robot));
    }

    @Test
    void aRemovedResourceIsNotSelectedWhenOneOfTheSameNameComesBack(FxRobot robot) {
        robot.interact(() -> rows.setAll(new Row("a", 0), new Row("c", 0)));
        assertEquals(List.of(), selected(robot));
        robot.interact(() -> rows.setAll(new Row("a", 0), new Row("b", 0), new Row("c", 0), new Row("d", 0)));
        assertEquals(List.of(), selected(robot));
    }
}
