package dev.berth.app.stats;

import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/** Four live charts for one container: CPU %, memory against the limit, network and block IO rates. */
public final class StatsView {
    private final StatsViewModel vm;
    private final VBox root = new VBox(8);
    private final Label summary = new Label();
    private final LineChart<Number, Number> cpu = chart("stats.cpu", "%");
    private final LineChart<Number, Number> memory = chart("stats.memory", "MiB");
    private final LineChart<Number, Number> net = chart("stats.network", "KiB/s");
    private final LineChart<Number, Number> block = chart("stats.block", "KiB/s");
    private final List<Binding> bindings;

    /** Which chart series shows which value of a point. */
    private record Binding(XYChart.Series<Number, Number> series, ToDoubleFunction<StatsPoint> value) {}

    public StatsView(StatsViewModel vm) {
        this.vm = vm;
        bindings = List.of(
                series(cpu, "stats.cpu", StatsPoint::cpuPercent),
                series(memory, "stats.used", StatsPoint::memoryMiB),
                series(memory, "stats.limit", StatsPoint::memoryLimitMiB),
                series(net, "stats.rx", StatsPoint::netRxKiBs),
                series(net, "stats.tx", StatsPoint::netTxKiBs),
                series(block, "stats.read", StatsPoint::blockReadKiBs),
                series(block, "stats.write", StatsPoint::blockWriteKiBs));
        createView();
        initListeners();
    }

    private void createView() {
        GridPane grid = new GridPane(12, 12);
        grid.add(cpu, 0, 0);
        grid.add(memory, 1, 0);
        grid.add(net, 0, 1);
        grid.add(block, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        summary.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        root.getChildren().addAll(summary, error, grid);
        root.getStyleClass().add("stats");
    }

    private void initListeners() {
        vm.points().forEach(this::plot);
        vm.points().addListener((ListChangeListener<StatsPoint>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::plot);
            }
            for (Binding b : bindings) {
                int extra = b.series().getData().size() - StatsViewModel.WINDOW;
                if (extra > 0) {
                    b.series().getData().remove(0, extra);
                }
            }
        });
        vm.latestProperty().addListener((o, a, s) -> {
            if (s != null) {
                summary.setText(I18n.t("stats.summary", String.format("%.1f", s.cpuPercent()),
                        Format.memory(s.memoryUsage()), s.memoryLimit() > 0 ? Format.memory(s.memoryLimit()) : "—",
                        s.pids()));
            }
        });
    }

    private void plot(StatsPoint p) {
        for (Binding b : bindings) {
            b.series().getData().add(new XYChart.Data<>(p.seconds(), b.value().applyAsDouble(p)));
        }
    }

    private static Binding series(LineChart<Number, Number> chart, String key, ToDoubleFunction<StatsPoint> value) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(I18n.t(key));
        chart.getData().add(s);
        return new Binding(s, value);
    }

    private static LineChart<Number, Number> chart(String titleKey, String unit) {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setLabel(I18n.t("stats.seconds"));
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(I18n.t(titleKey));
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinSize(200, 150);
        chart.getStyleClass().add("stats-chart");
        return chart;
    }

    /** The CPU chart's series (tests check that points arrive). */
    public XYChart.Series<Number, Number> cpuSeries() {
        return bindings.getFirst().series();
    }

    public Node root() {
        return root;
    }
}
