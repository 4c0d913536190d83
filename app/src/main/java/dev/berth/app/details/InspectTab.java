package dev.berth.app.details;

import dev.berth.app.inspect.InspectView;
import dev.berth.app.inspect.InspectViewModel;
import javafx.scene.Node;

/** The Inspect tab: loads the JSON each time it is shown, so it is never stale. */
public final class InspectTab implements DetailTab {
    private final InspectViewModel vm;
    private final InspectView view;

    InspectTab(DetailContext ctx) {
        vm = new InspectViewModel(ctx.engine(), ctx.async(), ctx.containerId());
        view = new InspectView(vm);
    }

    public InspectViewModel viewModel() {
        return vm;
    }

    @Override
    public Node root() {
        return view.root();
    }

    @Override
    public void shown() {
        vm.load();
    }
}
