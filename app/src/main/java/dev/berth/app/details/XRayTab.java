package dev.berth.app.details;

import dev.berth.app.xray.XRayView;
import dev.berth.app.xray.XRayViewModel;
import javafx.scene.Node;

/** The X-ray tab: what isolation means for this container, loaded afresh each time the tab is shown. */
public final class XRayTab implements DetailTab {
    private final String containerId;
    private final XRayViewModel vm;
    private final XRayView view;

    XRayTab(DetailContext ctx) {
        containerId = ctx.containerId();
        vm = new XRayViewModel(ctx.engine(), ctx.async());
        view = new XRayView(vm);
    }

    /** The provider to append to {@link StandardTabs#all()}. */
    public static DetailTabProvider provider() {
        return StandardTabs.provider("xray", "xray.tab", XRayTab::new);
    }

    public XRayViewModel viewModel() {
        return vm;
    }

    @Override
    public Node root() {
        return view.root();
    }

    @Override
    public void shown() {
        vm.load(containerId);
    }
}
