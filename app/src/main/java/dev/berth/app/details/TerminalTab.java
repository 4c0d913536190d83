package dev.berth.app.details;

import dev.berth.app.terminal.TerminalsView;
import dev.berth.app.terminal.TerminalsViewModel;
import javafx.scene.Node;

/** The Terminal tab: opens a first terminal when first shown on a running container; keeps sessions until closed. */
public final class TerminalTab implements DetailTab {
    private final DetailContext ctx;
    private final TerminalsViewModel vm;
    private final TerminalsView view;

    TerminalTab(DetailContext ctx) {
        this.ctx = ctx;
        vm = new TerminalsViewModel(ctx.engine(), ctx.async(), ctx.containerId(), ctx.containerName(),
                ctx.engineUri(), ctx.processLauncher());
        view = new TerminalsView(vm, ctx.darkTheme());
    }

    public TerminalsViewModel viewModel() {
        return vm;
    }

    public TerminalsView view() {
        return view;
    }

    @Override
    public Node root() {
        return view.root();
    }

    @Override
    public void shown() {
        if (vm.sessions().isEmpty() && ctx.running()) {
            vm.open();
        }
    }

    @Override
    public void close() {
        vm.close();
    }
}
