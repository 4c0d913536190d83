package dev.berth.app.logs;

import dev.berth.app.engine.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ListCell;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One visible log row: its ANSI spans as colored {@link Text}s, search matches highlighted, stderr marked, and the
 * timestamp in front when shown. Only visible rows have a cell, so this runs for a screenful, not 100,000 lines.
 */
final class LogCell extends ListCell<LogEntry> {
    private static final Font MONO = Font.font("Monospaced", 13);
    private static final Font MONO_BOLD = Font.font("Monospaced", FontWeight.BOLD, 13);
    private static final Font MONO_ITALIC = Font.font("Monospaced", FontPosture.ITALIC, 13);
    private final Supplier<Pattern> pattern;
    private final BooleanSupplier timestamps;
    private final TextFlow flow = new TextFlow();

    LogCell(Supplier<Pattern> pattern, BooleanSupplier timestamps) {
        this.pattern = pattern;
        this.timestamps = timestamps;
        getStyleClass().add("log-cell");
    }

    @Override
    protected void updateItem(LogEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().remove("log-stderr");
        setText(null);
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        if (entry.stream() == LogLine.Stream.STDERR) {
            getStyleClass().add("log-stderr");
        }
        List<javafx.scene.Node> nodes = new ArrayList<>();
        if (timestamps.getAsBoolean() && !entry.time().equals(java.time.Instant.EPOCH)) {
            Text t = new Text(entry.time().toString() + "  ");
            t.setFont(MONO);
            t.getStyleClass().add("log-time");
            nodes.add(t);
        }
        Pattern p = pattern.get();
        boolean[] hit = p == null ? null : matches(entry.plain(), p);
        int offset = 0;
        for (AnsiText.Span span : entry.spans()) {
            addSpan(nodes, span, offset, hit);
            offset += span.text().length();
        }
        flow.getChildren().setAll(nodes);
        setGraphic(flow);
    }

    /** Adds a span, split where the highlight starts or stops. */
    private static void addSpan(List<javafx.scene.Node> nodes, AnsiText.Span span, int offset, boolean[] hit) {
        String s = span.text();
        int start = 0;
        while (start < s.length()) {
            boolean on = hit != null && hit[offset + start];
            int end = start + 1;
            while (end < s.length() && (hit != null && hit[offset + end]) == on) {
                end++;
            }
            Text t = new Text(s.substring(start, end));
            t.setFont(span.bold() ? MONO_BOLD : span.italic() ? MONO_ITALIC : MONO);
            t.setUnderline(span.underline());
            t.getStyleClass().add(on ? "log-match" : "log-text");
            if (span.foreground() >= 0) {
                t.setStyle("-fx-fill: " + hex(span.foreground()) + ";");
            }
            nodes.add(t);
            start = end;
        }
    }

    private static boolean[] matches(String plain, Pattern p) {
        boolean[] hit = new boolean[plain.length()];
        Matcher m = p.matcher(plain);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                hit[i] = true;
            }
            if (m.end() == m.start()) {
                break; // an empty match would loop forever
            }
        }
        return hit;
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }

    static Color color(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
