package dev.berth.app.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The Berth mark (a hull with two stacks on a round badge), drawn rather than shipped as a file so the tray, the
 * window and the installers' icons at every size come from one drawing. {@code main DIR SIZE…} writes
 * {@code berth-SIZE.png} files for the packages, and {@code berth.ico} (Windows) and {@code berth.icns} (macOS) with
 * the sizes those formats hold, as PNG entries both formats accept, so no platform tool is needed to make them.
 */
public final class BerthMark {
    /** The badge's colour where no state is shown (the app's icon). */
    public static final Color BRAND = new Color(0x1F6FEB);

    private BerthMark() {}

    /** The mark on a badge of {@code badge}, {@code size} pixels square. */
    public static BufferedImage draw(int size, Color badge) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        // Drawn on a 32-unit grid (the tray's size) and scaled, so every size has the same proportions.
        double scale = size / 32.0;
        g.transform(AffineTransform.getScaleInstance(scale, scale));
        g.setColor(badge);
        g.fillOval(1, 1, 30, 30);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolygon(new int[]{6, 26, 23, 9}, new int[]{18, 18, 24, 24}, 4);
        g.drawRect(10, 11, 4, 7);
        g.drawRect(16, 8, 5, 10);
        g.dispose();
        return img;
    }

    /** Writes the app icon at each size given ({@code DIR/berth-SIZE.png}), then berth.ico and berth.icns. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BerthMark DIR SIZE...");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            int size = Integer.parseInt(args[i]);
            Files.write(dir.resolve("berth-" + size + ".png"), png(size));
        }
        Files.write(dir.resolve("berth.ico"), IconFiles.ico(BerthMark::png, 16, 24, 32, 48, 64, 128, 256));
        Files.write(dir.resolve("berth.icns"), IconFiles.icns(BerthMark::png));
    }

    /** The app icon as PNG bytes. */
    static byte[] png(int size) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(draw(size, BRAND), "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
