package dev.berth.app.details;

import javafx.scene.Node;

/**
 * One tab of a container's page. {@link #shown()} and {@link #hidden()} follow what the user sees (the tab is
 * selected and the page is on screen), so a tab can stop streams and drawing while hidden; {@link #close()} is
 * called once, when the page is closed.
 */
public interface DetailTab {

    Node root();

    default void shown() {}

    default void hidden() {}

    /** Moves focus to the tab's search field, if it has one (Ctrl+F). */
    default void focusSearch() {}

    default void close() {}
}
