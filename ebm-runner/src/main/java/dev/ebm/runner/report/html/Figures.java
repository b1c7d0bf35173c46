package dev.ebm.runner.report.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** {@link Page.Figure}s from image files and drawn charts. */
public final class Figures {
    private Figures() {}

    /** A chart drawn by {@link Charts}, shown at its display size; its title is in the picture, so no caption. */
    public static Page.Figure chart(String title, byte[] png) {
        return new Page.Figure(null, DataUri.png(png), title, Charts.WIDTH, false);
    }

    /**
     * An image file shown at most {@code maxWidth} CSS pixels wide; a small picture (e.g. a grid of 28 × 28 samples)
     * is enlarged by a whole factor without smoothing.
     */
    public static Page.Figure file(Path image, String caption, int maxWidth) {
        int natural = width(image);
        int shown;
        boolean pixelated = false;
        if (natural <= 0 || natural >= maxWidth) {
            shown = natural <= 0 ? 0 : maxWidth;
        } else {
            int factor = Math.max(1, maxWidth / natural);
            shown = natural * factor;
            pixelated = factor > 1;
        }
        return new Page.Figure(caption, DataUri.of(image), caption, shown, pixelated);
    }

    /** The pixel width of an image file, read from its header, or -1. */
    static int width(Path image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null) {
                return -1;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return -1;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                return r.getWidth(0);
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            return -1;
        }
    }
}
