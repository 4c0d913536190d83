package dev.berth.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CursorHomeFixTest {
    /** Reads everything through the fix, the source handing out at most {@code chunk} characters per read. */
    private static String through(String text, int chunk) throws IOException {
        Reader slow = new StringReader(text) {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                return super.read(buf, off, Math.min(len, chunk));
            }
        };
        StringBuilder out = new StringBuilder();
        char[] buf = new char[7];
        try (Reader r = new CursorHomeFix(slow)) {
            int n;
            while ((n = r.read(buf, 0, buf.length)) >= 0) {
                out.append(buf, 0, n);
            }
        }
        return out.toString();
    }

    @Test
    void busyboxLessHomeBecomesRowOneColumnOneEvenWhenSplitAcrossReads() throws IOException {
        String less = "\u001b[0;0H\u001b[K1\r\n\u001b[K2\r\n\u001b[12;0H\u001b[K\u001b[7m/tmp/l.txt\u001b[m";
        String want = "\u001b[1;1H\u001b[K1\r\n\u001b[K2\r\n\u001b[12;1H\u001b[K\u001b[7m/tmp/l.txt\u001b[m";
        for (int chunk : new int[]{1, 2, 3, 5, 64}) {
            assertEquals(want, through(less, chunk), "chunk " + chunk);
        }
    }

    @Test
    void everythingElsePassesUntouched() throws IOException {
        String text = "plain 안녕 \u001b[31mred\u001b[0m \u001b[5;10H \u001b[H \u001b[?1049h \u001b]0;title\u0007 \u001bM end";
        assertEquals(text.replace("\u001b[H", "\u001b[1H"), through(text, 3));
        assertEquals("\u001b[2J", CursorHomeFix.fixed("\u001b[2J"));
        assertEquals("\u001b[1;1f", CursorHomeFix.fixed("\u001b[0;0f"));
        assertEquals("\u001b[?25h", CursorHomeFix.fixed("\u001b[?25h"));
    }

    @Test
    void anUnfinishedSequenceAtTheEndIsStillDelivered() throws IOException {
        assertEquals("abc\u001b[12", through("abc\u001b[12", 2));
    }
}
