package dev.berth.app.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The Windows {@code .ico} and macOS {@code .icns} containers around PNG images: jpackage wants those formats for the
 * .msi and the .dmg, and both formats may hold PNG data as it is (Windows Vista on; macOS 10.7 on).
 */
final class IconFiles {
    /** The icns entry types that hold PNG data, by the pixel size they hold (ic10 is 512@2x). */
    private static final Map<String, Integer> ICNS_TYPES = new LinkedHashMap<>();

    static {
        ICNS_TYPES.put("ic07", 128);
        ICNS_TYPES.put("ic08", 256);
        ICNS_TYPES.put("ic09", 512);
        ICNS_TYPES.put("ic10", 1024);
    }

    private IconFiles() {}

    /** ICONDIR, one ICONDIRENTRY per size (a size of 256 is written as 0), then the PNGs; little-endian. */
    static byte[] ico(IntFunction<byte[]> png, int... sizes) {
        byte[][] images = new byte[sizes.length][];
        int total = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png.apply(sizes[i]);
            total += images[i].length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            int side = sizes[i] >= 256 ? 0 : sizes[i];
            b.put((byte) side).put((byte) side).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            b.put(image);
        }
        return b.array();
    }

    /** "icns", the file's length, then per entry its type, its length (with the 8-byte header) and the PNG; big-endian. */
    static byte[] icns(IntFunction<byte[]> png) {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (var e : ICNS_TYPES.entrySet()) {
            byte[] image = png.apply(e.getValue());
            entries.writeBytes(e.getKey().getBytes(StandardCharsets.US_ASCII));
            entries.writeBytes(ByteBuffer.allocate(4).putInt(image.length + 8).array());
            entries.writeBytes(image);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + entries.size());
        b.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(8 + entries.size()).put(entries.toByteArray());
        return b.array();
    }
}
