package dev.berth.app.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiTextTest {
    @Test
    void basicColorsBoldAndReset() {
        List<AnsiText.Span> spans = AnsiText.parse("a\u001b[1;31mred\u001b[0m b");
        assertEquals(3, spans.size());
        assertEquals(new AnsiText.Span("a", -1, -1, false, false, false), spans.get(0));
        assertEquals(new AnsiText.Span("red", 0xcd3131, -1, true, false, false), spans.get(1));
        assertEquals(new AnsiText.Span(" b", -1, -1, false, false, false), spans.get(2));
    }

    @Test
    void extendedColors() {
        assertEquals(0x5f87af, AnsiText.parse("\u001b[38;5;67mx").getFirst().foreground());
        assertEquals(0x0a141e, AnsiText.parse("\u001b[38;2;10;20;30mx").getFirst().foreground());
        assertEquals(0x808080, AnsiText.parse("\u001b[48;5;244mx").getFirst().background());
        assertEquals(0xf14c4c, AnsiText.parse("\u001b[91mx").getFirst().foreground());
    }

    @Test
    void otherSequencesAreDroppedAndStripKeepsText() {
        assertEquals("progress 50%", AnsiText.strip("\u001b[2Kprogress \u001b[32m50%\u001b[m"));
        assertTrue(AnsiText.parse("").size() == 1);
        assertEquals("plain", AnsiText.strip("plain"));
    }
}
