package dev.ebm.data.spec;

import dev.ebm.api.spec.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Defaults and validation of the {@link ImageDataSpec} fields, shared by the image spec records. */
final class ImageSpecChecks {
    static final int CLASSES = 10;

    private ImageSpecChecks() {}

    static String split(Checks c, String split) {
        return c.oneOf("split", split, "train", ImageDataSpec.SPLITS);
    }

    static String scale(Checks c, String scale) {
        return c.oneOf("scale", scale, "unit", ImageDataSpec.SCALES);
    }

    static String dequantize(Checks c, String dequantize) {
        return c.oneOf("dequantize", dequantize, "none", ImageDataSpec.DEQUANTIZE);
    }

    /** noiseStd is required with gaussian dequantization and refused with any other. */
    static Double noiseStd(Checks c, String dequantize, Double noiseStd) {
        if ("gaussian".equals(dequantize)) {
            if (noiseStd == null) {
                c.fail("noiseStd", "is required with dequantize: gaussian (the noise's std in the scaled range, e.g. "
                        + "0.005)");
                return null;
            }
            return c.positive("noiseStd", noiseStd, null);
        }
        if (noiseStd != null) {
            c.fail("noiseStd", "is only used with dequantize: gaussian, found dequantize: " + dequantize);
        }
        return noiseStd;
    }

    static List<Integer> digits(Checks c, List<Integer> digits) {
        if (digits == null) {
            return null;
        }
        if (digits.isEmpty()) {
            c.fail("digits", "must name at least one class, found []");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < digits.size(); i++) {
            Integer d = digits.get(i);
            if (d == null || d < 0 || d >= CLASSES) {
                c.fail("digits[" + i + "]", "must be a class in [0, " + (CLASSES - 1) + "], found " + d);
            } else if (!seen.add(d)) {
                c.fail("digits[" + i + "]", "repeats class " + d);
            }
        }
        return java.util.Collections.unmodifiableList(new ArrayList<>(digits));
    }

    static Integer limit(Checks c, Integer limit) {
        return c.positive("limit", limit, null);
    }

    static String dir(Checks c, String dir) {
        if (dir != null && dir.isBlank()) {
            c.fail("dir", "must be a directory path, found '" + dir + "'");
        }
        return dir;
    }
}
