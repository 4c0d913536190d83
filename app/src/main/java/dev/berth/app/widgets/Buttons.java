package dev.berth.app.widgets;

import javafx.scene.control.Button;

/** Toolbar buttons with their accessible names set. */
public final class Buttons {
    private Buttons() {}

    public static Button action(String text, Runnable onAction, String... styles) {
        Button b = new Button(text);
        b.setAccessibleText(text);
        b.getStyleClass().addAll(styles);
        b.setOnAction(e -> onAction.run());
        b.setMnemonicParsing(false);
        return b;
    }
}
