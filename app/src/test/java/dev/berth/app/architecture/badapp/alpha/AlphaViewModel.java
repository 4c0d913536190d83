package dev.berth.app.architecture.badapp.alpha;

/** A ViewModel holding a scene-graph node (which only a View may). */
public final class AlphaViewModel {
    public javafx.scene.Node node;
}
