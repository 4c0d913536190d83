package dev.berth.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;

class ColumnLayoutTest {
    private static ObservableList<TableColumn<String, String>> columns(String... titles) {
        ObservableList<TableColumn<String, String>> cols = FXCollections.observableArrayList();
        for (String t : titles) {
            TableColumn<String, String> c = new TableColumn<>(t);
            c.setPrefWidth(100);
            cols.add(c);
        }
        ColumnLayout.tag(cols);
        return cols;
    }

    private static List<String> titles(List<TableColumn<String, String>> cols) {
        return cols.stream().map(TableColumn::getText).toList();
    }

    @Test
    void aMovedAndWidenedLayoutComesBackInAFreshTableEvenInAnotherLanguage() {
        var before = columns("Name", "Image", "State");
        before.setAll(before.get(2), before.get(0), before.get(1));
        before.get(0).setPrefWidth(180);
        String saved = ColumnLayout.capture(before);
        assertEquals("2:180,0:100,1:100", saved);

        var after = columns("이름", "이미지", "상태");
        ColumnLayout.restore(after, saved);
        assertEquals(List.of("상태", "이름", "이미지"), titles(after));
        assertEquals(180, after.get(0).getPrefWidth());
    }

    @Test
    void aLayoutThatDoesNotFitTheseColumnsIsIgnored() {
        for (String bad : List.of("0:100,1:100", "0:100,1:100,2:100,3:100", "0:100,0:100,1:100", "a:b",
                "0:100,1:-5,2:100", "0:100;1:100", "2:NaN,0:1,1:1")) {
            var cols = columns("A", "B", "C");
            ColumnLayout.restore(cols, bad);
            assertEquals(List.of("A", "B", "C"), titles(cols), bad);
            assertEquals(100, cols.get(0).getPrefWidth(), bad);
        }
    }
}
