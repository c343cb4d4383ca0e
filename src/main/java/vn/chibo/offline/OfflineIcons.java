package vn.chibo.offline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * The app icons of the manifest, drawn once per size: a yellow five-pointed star on red, the colours
 * of the theme. Drawing them in code keeps binary files out of the repository.
 */
@Component
class OfflineIcons {

    /** The sizes the manifest offers: 192 px for the home screen, 512 px for the splash screen. */
    static final int[] SIZES = { 192, 512 };

    static final Color RED = new Color(0xB7, 0x1C, 0x1C);
    static final Color YELLOW = new Color(0xFF, 0xD6, 0x00);

    private final Map<Integer, byte[]> drawn = new ConcurrentHashMap<>();

    /** Returns the PNG of the size, which must be one of {@link #SIZES}. */
    byte[] png(int size) {
        return drawn.computeIfAbsent(size, OfflineIcons::draw);
    }

    static boolean offered(int size) {
        for (int each : SIZES) {
            if (each == size) {
                return true;
            }
        }
        return false;
    }

    private static byte[] draw(int size) {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(RED);
            graphics.fillRect(0, 0, size, size);
            graphics.setColor(YELLOW);
            graphics.setStroke(new BasicStroke(1f));
            // The star fills the middle 60 %, inside the safe zone of maskable icons.
            graphics.fill(star(size / 2.0, size / 2.0 + size * 0.03, size * 0.30));
        }
        finally {
            graphics.dispose();
        }
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not draw the app icon of " + size + " px", failure);
        }
        return bytes.toByteArray();
    }

    /** Returns a five-pointed star with one point up, its outer points on a circle of the radius. */
    private static Path2D star(double centreX, double centreY, double radius) {
        double inner = radius * 0.382;
        var path = new Path2D.Double();
        for (int point = 0; point < 10; point++) {
            double r = point % 2 == 0 ? radius : inner;
            double angle = -Math.PI / 2 + point * Math.PI / 5;
            double x = centreX + r * Math.cos(angle);
            double y = centreY + r * Math.sin(angle);
            if (point == 0) {
                path.moveTo(x, y);
            }
            else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }
}
