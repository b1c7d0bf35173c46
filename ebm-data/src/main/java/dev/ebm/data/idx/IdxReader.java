package dev.ebm.data.idx;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the MNIST format: a magic number {@code 00 00 08 R}, R big-endian 32-bit
 * dimensions, then the data in row-major order), raw or gzip-compressed (recognised by the magic bytes
 * {@code 1f 8b}, whatever the file's name). Every defect is an {@link IdxFormatException} naming the file and the
 * defect, never a garbage array: not gzip-decodable, a wrong magic number, element type or dimension count,
 * dimensions other than the expected ones, a file shorter or longer than its header declares.
 */
public final class IdxReader {
    /** The element type byte of unsigned bytes. */
    public static final int UBYTE = 0x08;

    private IdxReader() {}

    /**
     * Reads a whole IDX file and checks it.
     *
     * @param expectedDims the expected dimensions; its length is the expected dimension count, and a negative entry
     *     accepts any size, e.g. {@code {-1, 28, 28}} for 28×28 images
     */
    public static IdxArray read(Path file, int... expectedDims) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IdxFormatException(file, "no such file");
        }
        byte[] data = isGzip(raw) ? gunzip(file, raw) : raw;
        int[] dims = header(file, data, expectedDims);
        return new IdxArray(file, dims, data, 4 + 4 * dims.length, sha256(data));
    }

    /** Whether the content starts with the gzip magic bytes {@code 1f 8b}. */
    public static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xFF) == 0x1f && (content[1] & 0xFF) == 0x8b;
    }

    /** The SHA-256 of {@code content}, lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static byte[] gunzip(Path file, byte[] raw) throws IdxFormatException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated gzip stream (" + raw.length + " compressed bytes end early)");
        } catch (ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip stream: " + e.getMessage());
        } catch (IOException e) {
            throw new IdxFormatException(file, "unreadable gzip stream: " + e);
        }
    }

    private static int[] header(Path file, byte[] data, int[] expectedDims) throws IdxFormatException {
        int rank = expectedDims.length;
        int expectedMagic = (UBYTE << 8) | rank;
        if (data.length < 4) {
            throw new IdxFormatException(file, "truncated: " + data.length + " bytes, shorter than an IDX magic number");
        }
        int magic = readInt(data, 0);
        if ((magic >>> 16) != 0) {
            throw new IdxFormatException(file, String.format("wrong magic number 0x%08X: not an IDX file (expected "
                    + "0x%08X)", magic, expectedMagic));
        }
        if (((magic >>> 8) & 0xFF) != UBYTE) {
            throw new IdxFormatException(file, String.format("wrong magic number 0x%08X: element type 0x%02X, "
                    + "expected 0x%02X (unsigned byte)", magic, (magic >>> 8) & 0xFF, UBYTE));
        }
        if ((magic & 0xFF) != rank) {
            throw new IdxFormatException(file, String.format("wrong magic number 0x%08X: %d dimensions, expected "
                    + "0x%08X (%d dimensions)", magic, magic & 0xFF, expectedMagic, rank));
        }
        int headerBytes = 4 + 4 * rank;
        if (data.length < headerBytes) {
            throw new IdxFormatException(file, "truncated: " + data.length + " bytes, shorter than its " + headerBytes
                    + "-byte header");
        }
        int[] dims = new int[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++) {
            long d = readInt(data, 4 + 4 * i) & 0xFFFFFFFFL;
            if (expectedDims[i] >= 0 && d != expectedDims[i]) {
                throw new IdxFormatException(file, "wrong size: dimension " + i + " is " + d + ", expected "
                        + expectedDims[i] + " (dimensions " + describe(data, rank) + ")");
            }
            if (d > Integer.MAX_VALUE) {
                throw new IdxFormatException(file, "wrong size: dimension " + i + " is " + d);
            }
            dims[i] = (int) d;
            elements *= d;
        }
        long expectedLength = headerBytes + elements;
        if (data.length < expectedLength) {
            throw new IdxFormatException(file, "truncated: the header declares " + describe(data, rank) + " = "
                    + elements + " bytes of data (" + expectedLength + " with the header), the file has " + data.length);
        }
        if (data.length > expectedLength) {
            throw new IdxFormatException(file, "wrong length: " + (data.length - expectedLength) + " bytes more than "
                    + "the header declares (" + describe(data, rank) + ", " + expectedLength + " bytes in all)");
        }
        return dims;
    }

    private static String describe(byte[] data, int rank) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rank; i++) {
            sb.append(i == 0 ? "" : "×").append(readInt(data, 4 + 4 * i) & 0xFFFFFFFFL);
        }
        return sb.toString();
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
