package dev.ebm.data.idx;

import java.nio.file.Path;

/**
 * An IDX array of unsigned bytes held as the file's own decompressed bytes (no copy, no widening): element {@code i}
 * in row-major order is {@code bytes[offset + i] & 0xFF}. The arrays are shared and must not be written.
 *
 * @param file the file read
 * @param dims the dimensions from the header, outermost first
 * @param bytes the whole decompressed file
 * @param offset where the data starts (after the header)
 * @param sha256 the SHA-256 of {@code bytes}, lower-case hex
 */
public record IdxArray(Path file, int[] dims, byte[] bytes, int offset, String sha256) {

    /** The first dimension: the number of items (images, labels). */
    public int count() {
        return dims[0];
    }

    /** The number of elements of one item (28·28 for an MNIST image, 1 for a label). */
    public int itemSize() {
        int n = 1;
        for (int i = 1; i < dims.length; i++) {
            n *= dims[i];
        }
        return n;
    }

    /** Element {@code j} of item {@code i}, 0..255. */
    public int get(int i, int j) {
        return bytes[offset + i * itemSize() + j] & 0xFF;
    }
}
