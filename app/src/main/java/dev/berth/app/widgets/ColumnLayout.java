package dev.berth.app.widgets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumnBase;

/**
 * A table's column order and widths as one line of text ("2:150,0:260,1:220": each column by its original
 * position, in the order shown, with its width), so a person's layout survives a restart and a language switch.
 * Columns are known by the position the view created them at, not by their titles, which change with the language.
 */
public final class ColumnLayout {
    private static final String ORIGIN = "berth.column.origin";

    private ColumnLayout() {}

    /** Notes each column's original position; call once, before the person can move them. */
    public static void tag(List<? extends TableColumnBase<?, ?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).getProperties().putIfAbsent(ORIGIN, i);
        }
    }

    /** The current layout of {@link #tag tagged} columns. */
    public static String capture(List<? extends TableColumnBase<?, ?>> columns) {
        List<String> parts = new ArrayList<>();
        for (TableColumnBase<?, ?> c : columns) {
            if (c.getProperties().get(ORIGIN) instanceof Integer origin) {
                // A table never laid out this session (its page not opened) has width 0: keep what it was given.
                double width = c.getWidth() > 0 ? c.getWidth() : c.getPrefWidth();
                parts.add(origin + ":" + String.format(Locale.ROOT, "%.0f", width));
            }
        }
        return String.join(",", parts);
    }

    /**
     * Puts tagged columns in the saved order with the saved widths. A layout that does not name exactly these
     * columns (saved by another version of the app, or damaged) is ignored: the view's own layout stays.
     */
    public static <C extends TableColumnBase<?, ?>> void restore(ObservableList<C> columns, String saved) {
        if (saved == null || saved.isBlank()) {
            return;
        }
        Map<Integer, C> byOrigin = new HashMap<>();
        for (C c : columns) {
            if (c.getProperties().get(ORIGIN) instanceof Integer origin) {
                byOrigin.put(origin, c);
            }
        }
        List<C> order = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        try {
            for (String part : saved.split(",")) {
                String[] kv = part.split(":", 2);
                C c = byOrigin.get(Integer.parseInt(kv[0].strip()));
                double width = Double.parseDouble(kv[1].strip());
                if (c == null || order.contains(c) || !(width > 0 && width < 10_000)) {
                    return;
                }
                order.add(c);
                widths.add(width);
            }
        } catch (RuntimeException e) {
            return;
        }
        if (order.size() != columns.size()) {
            return;
        }
        for (int i = 0; i < order.size(); i++) {
            order.get(i).setPrefWidth(widths.get(i));
        }
        columns.setAll(order);
    }
}
