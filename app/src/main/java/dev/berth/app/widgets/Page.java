package dev.berth.app.widgets;

import javafx.scene.Node;

/** One sidebar page as the shell sees it; the shell routes Ctrl+F, F5 and Delete to the visible page. */
public interface Page {
    Node root();

    /** Moves the keyboard focus to the page's search field. */
    void focusSearch();

    /** Reloads from the engine. */
    void refresh();

    /** Removes the selected items, after asking. */
    void deleteSelected();
}
