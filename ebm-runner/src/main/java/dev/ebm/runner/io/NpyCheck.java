package dev.ebm.runner.io;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that bytes are one whole {@code .npy} array (NumPy format 1.0 to 3.0) before they reach the native
 * reader: the magic string, a header naming a fixed-size little-endian or single-byte type and a shape, and exactly
 * as many data bytes as the shape needs. A truncated or padded file fails here with a reason, not in native code.
 */
public final class NpyCheck {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiub])(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([0-9,\\s]*)\\)");

    private NpyCheck() {}

    /**
     * Returns null when {@code bytes} hold a whole array, else what is wrong (e.g. "holds 96 data bytes; its header
     * (float32, shape [10, 4]) needs 160").
     */
    public static String problem(byte[] bytes) {
        if (bytes.length < 10) {
            return "is " + bytes.length + " bytes long, shorter than an .npy header";
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return "does not start with the .npy magic string";
            }
        }
        int major = bytes[6];
        long headerLen;
        int start;
        if (major == 1) {
            headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                return "is cut inside its .npy header";
            }
            headerLen = (bytes[8] & 0xffL) | (bytes[9] & 0xffL) << 8 | (bytes[10] & 0xffL) << 16
                    | (bytes[11] & 0xffL) << 24;
            start = 12;
        } else {
            return "has .npy format version " + major + ", not 1, 2 or 3";
        }
        if (start + headerLen > bytes.length) {
            return "is cut inside its .npy header (" + bytes.length + " bytes)";
        }
        String header = new String(bytes, start, (int) headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            return "has an .npy header without a fixed-size type and a shape: " + header.trim();
        }
        if (d.group(1).equals(">") && !d.group(3).equals("1")) {
            return "holds big-endian data (" + d.group(1) + d.group(2) + d.group(3) + "), which is not read";
        }
        if (header.matches("(?s).*'fortran_order'\\s*:\\s*True.*")) {
            return "holds a Fortran-ordered array, which is not read";
        }
        long size;
        StringBuilder dims = new StringBuilder("[");
        try {
            size = Long.parseLong(d.group(3));
            for (String dim : s.group(1).split(",")) {
                if (!dim.isBlank()) {
                    long n = Long.parseLong(dim.trim());
                    size = Math.multiplyExact(size, n);
                    dims.append(dims.length() > 1 ? ", " : "").append(n);
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return "has an .npy header whose shape overflows: " + header.trim();
        }
        dims.append(']');
        long data = bytes.length - start - headerLen;
        if (data != size) {
            return "holds " + data + " data bytes; its header (" + d.group(2) + d.group(3) + ", shape " + dims
                    + ") needs " + size;
        }
        return null;
    }
}
