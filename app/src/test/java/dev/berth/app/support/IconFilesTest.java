package dev.berth.app.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The .ico and .icns files the Windows and macOS installers use, read back as those formats lay them out. */
class IconFilesTest {
    @Test
    void icoListsEachSizeAndPointsAtItsPng() throws Exception {
        int[] sizes = {16, 48, 256};
        byte[] ico = IconFiles.ico(BerthMark::png, sizes);
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.getShort(0));
        assertEquals(1, b.getShort(2), "type 1: icon");
        assertEquals(3, b.getShort(4));
        for (int i = 0; i < sizes.length; i++) {
            int entry = 6 + 16 * i;
            assertEquals(sizes[i] == 256 ? 0 : sizes[i], Byte.toUnsignedInt(b.get(entry)));
            int length = b.getInt(entry + 8);
            int offset = b.getInt(entry + 12);
            byte[] png = Arrays.copyOfRange(ico, offset, offset + length);
            assertEquals(sizes[i], ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        }
    }

    @Test
    void icnsHoldsItsEntriesWithLengthsThatAddUp() throws Exception {
        byte[] icns = IconFiles.icns(BerthMark::png);
        ByteBuffer b = ByteBuffer.wrap(icns);
        assertArrayEquals("icns".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(icns, 4));
        assertEquals(icns.length, b.getInt(4));
        int at = 8;
        int[] expected = {128, 256, 512, 1024};
        for (int size : expected) {
            int length = b.getInt(at + 4);
            byte[] png = Arrays.copyOfRange(icns, at + 8, at + length);
            assertEquals(size, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
            at += length;
        }
        assertEquals(icns.length, at);
    }
}
