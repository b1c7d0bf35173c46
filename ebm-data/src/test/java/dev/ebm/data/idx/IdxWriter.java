package dev.ebm.data.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files of unsigned bytes for tests: the bytes a reader must accept, and helpers to damage them. */
public final class IdxWriter {
    private IdxWriter() {}

    /** The IDX bytes of an array of the given dimensions (magic {@code 00 00 08 rank}). */
    public static byte[] idx(byte[] data, int... dims) {
        return idx(0x0800 | dims.length, data, dims);
    }

    /** The IDX bytes with an explicit magic number (to write wrong ones). */
    public static byte[] idx(int magic, byte[] data, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length); // big-endian by default
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /** 28×28 images: image i has grey level {@code pixel.at(i, j)} at flattened position j. */
    public static byte[] images(int count, PixelRule pixel) {
        byte[] data = new byte[count * 784];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < 784; j++) {
                data[i * 784 + j] = (byte) pixel.at(i, j);
            }
        }
        return idx(data, count, 28, 28);
    }

    /** Labels as an IDX file. */
    public static byte[] labels(int... labels) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return idx(data, labels.length);
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The grey level of pixel j of image i. */
    @FunctionalInterface
    public interface PixelRule {
        int at(int image, int pixel);
    }
}
