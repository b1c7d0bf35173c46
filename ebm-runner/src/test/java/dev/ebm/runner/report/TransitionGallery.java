package dev.ebm.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.TransitionSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws what each transition does to a row of 28 × 28 digits (pixels in [0, 1], white on black): the originals in
 * the first row, then one row per transition spec, each applied with p = 1. The digits are MNIST test images when
 * the IDX file is at hand, or digits drawn with a font.
 */
final class TransitionGallery {
    static final int SIDE = 28;
    static final int ZOOM = 3;
    static final int LABEL = 330;
    static final int GAP = 4;

    private TransitionGallery() {}

    /** {@code count} digits 0, 1, ... drawn in a bold sans-serif font, centred, [count, 1, 28, 28]. */
    static INDArray fontDigits(int count) {
        double[] v = new double[count * SIDE * SIDE];
        for (int k = 0; k < count; k++) {
            BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.setColor(Color.WHITE);
            String s = Integer.toString(k % 10);
            int width = g.getFontMetrics().stringWidth(s);
            g.drawString(s, (SIDE - width) / 2, 22);
            g.dispose();
            for (int i = 0; i < SIDE; i++) {
                for (int j = 0; j < SIDE; j++) {
                    v[k * SIDE * SIDE + i * SIDE + j] = (img.getRaster().getSample(j, i, 0)) / 255.0;
                }
            }
        }
        return Nd4j.createFromArray(v).reshape('c', count, 1, SIDE, SIDE).castTo(DataType.FLOAT);
    }

    /** The first {@code count} images of an IDX image file (raw, not gzipped), scaled to [0, 1]. */
    static INDArray idxImages(Path file, int count) {
        try {
            byte[] b = Files.readAllBytes(file);
            double[] v = new double[count * SIDE * SIDE];
            for (int i = 0; i < v.length; i++) {
                v[i] = (b[16 + i] & 0xFF) / 255.0;
            }
            return Nd4j.createFromArray(v).reshape('c', count, 1, SIDE, SIDE).castTo(DataType.FLOAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the gallery of {@code digits} under each of {@code specs} (YAML/JSON flow mappings) to {@code png}. */
    static BufferedImage write(INDArray digits, List<String> specs, Path png, long seed) {
        PluginRegistry registry = PluginRegistry.load();
        ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        int n = (int) digits.size(0);
        int cell = SIDE * ZOOM + GAP;
        BufferedImage out = new BufferedImage(LABEL + n * cell, (specs.size() + 1) * cell + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        Rng rng = new Rng(seed);
        for (int row = 0; row <= specs.size(); row++) {
            INDArray x = digits;
            String label = "original";
            if (row > 0) {
                label = specs.get(row - 1);
                try {
                    TransitionSpec spec = new SpecBinder(registry).bind(yaml.readTree(label), TransitionSpec.class);
                    Transition t = registry.create(spec, new PluginContext(DataType.FLOAT,
                            new long[] {1, SIDE, SIDE}, dev.ebm.api.Box.uniform(SIDE * SIDE, 0, 1), registry,
                            new Rng(0)));
                    x = t.apply(digits, rng.split());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            int top = GAP + row * cell;
            g.setColor(Color.BLACK);
            drawLabel(g, label, 6, top + cell / 2 - 4);
            double[] v = x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < SIDE * ZOOM; i++) {
                    for (int j = 0; j < SIDE * ZOOM; j++) {
                        double p = v[k * SIDE * SIDE + (i / ZOOM) * SIDE + j / ZOOM];
                        int grey = (int) Math.round(255 * Math.min(1, Math.max(0, p)));
                        out.setRGB(LABEL + k * cell + j, top + i, grey * 0x010101);
                    }
                }
            }
        }
        g.dispose();
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(out, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The label in lines of at most 44 characters, broken after commas. */
    private static void drawLabel(Graphics2D g, String label, int x, int y) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : label.split("(?<=, )")) {
            if (line.length() + part.length() > 44 && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(part);
        }
        lines.add(line.toString());
        int first = y - (lines.size() - 1) * 7;
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), x, first + i * 14);
        }
    }
}
