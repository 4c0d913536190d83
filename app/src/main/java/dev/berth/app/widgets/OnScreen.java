package dev.berth.app.widgets;

import java.util.function.Consumer;
import javafx.scene.Node;

/** Tells a page's ViewModel whether the page is in a window, now and whenever that changes. */
public final class OnScreen {
    private OnScreen() {}

    /** Calls {@code shown} with whether {@code root} is in a scene, then again on every change. */
    public static void track(Node root, Consumer<Boolean> shown) {
        shown.accept(root.getScene() != null);
        root.sceneProperty().addListener((o, a, b) -> shown.accept(b != null));
    }
}
