package dev.berth.app.details;

import dev.berth.app.files.FileSource;
import dev.berth.app.files.FilesView;
import dev.berth.app.files.FilesViewModel;
import javafx.scene.Node;

/** The Files tab: lists "/" the first time it is shown. */
public final class FilesTab implements DetailTab {
    private final FilesViewModel vm;
    private final FilesView view;
    private boolean loaded;

    FilesTab(DetailContext ctx) {
        vm = new FilesViewModel(ctx.engine(), ctx.async(),
                FileSource.container(ctx.containerId(), ctx.containerName()));
        view = new FilesView(vm);
    }

    public FilesViewModel viewModel() {
        return vm;
    }

    public FilesView view() {
        return view;
    }

    @Override
    public Node root() {
        return view.root();
    }

    @Override
    public void shown() {
        if (!loaded) {
            loaded = true;
            vm.refresh();
        }
    }

    @Override
    public void close() {
        vm.close();
    }
}
