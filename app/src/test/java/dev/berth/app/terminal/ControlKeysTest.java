package dev.berth.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class ControlKeysTest {
    @Test
    void lettersAndBracketsMapToTheirControlCharacters() {
        assertEquals(0x03, ControlKeys.controlCharacter(KeyCode.C), "ETX: SIGINT");
        assertEquals(0x04, ControlKeys.controlCharacter(KeyCode.D), "EOT: end of input");
        assertEquals(0x1a, ControlKeys.controlCharacter(KeyCode.Z), "SUB: SIGTSTP");
        assertEquals(0x01, ControlKeys.controlCharacter(KeyCode.A));
        assertEquals(0x1b, ControlKeys.controlCharacter(KeyCode.OPEN_BRACKET), "ESC");
        assertEquals(0x1c, ControlKeys.controlCharacter(KeyCode.BACK_SLASH), "FS: SIGQUIT");
        assertEquals(-1, ControlKeys.controlCharacter(KeyCode.DIGIT1));
        assertEquals(-1, ControlKeys.controlCharacter(KeyCode.ENTER));
    }
}
