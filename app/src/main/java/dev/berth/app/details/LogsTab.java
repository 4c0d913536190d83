package dev.berth.app.details;

import dev.berth.app.logs.LogsView;
import dev.berth.app.logs.LogsViewModel;
import javafx.scene.Node;

/** The Logs tab: reads the log as soon as the page opens, so it is there when the tab is chosen. */
public final class LogsTab implements DetailTab {
    private final LogsViewModel vm;
    private final LogsView view;

    LogsTab(DetailContext ctx) {
        vm = new LogsViewModel(ctx.engine(), ctx.async(), ctx.containerId());
        view = new LogsView(vm, ctx.containerName());
        vm.reload();
    }

    public LogsViewModel viewModel() {
        return vm;
    }

    public LogsView view() {
        return view;
    }

    @Override
    public Node root() {
        return view.root();
    }

    @Override
    public void focusSearch() {
        view.focusSearch();
    }

    @Override
    public void close() {
        vm.close();
    }
}
