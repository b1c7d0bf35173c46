package dev.ebm.runner.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * Where a sweep's base spec comes from: a spec file (a path in the sweep file, relative to the sweep file's
 * directory) or a spec written inline in the sweep file.
 *
 * @param file the spec file (absolute), or null for an inline spec
 * @param inline the inline spec tree, or null for a file; never modified
 */
public record SpecSource(Path file, ObjectNode inline) {

    public SpecSource {
        if ((file == null) == (inline == null)) {
            throw new IllegalArgumentException("exactly one of file and inline must be given");
        }
    }

    /** A spec file. */
    public static SpecSource of(Path file) {
        return new SpecSource(file.toAbsolutePath().normalize(), null);
    }

    /** An inline spec (copied). */
    public static SpecSource inline(ObjectNode tree) {
        return new SpecSource(null, tree.deepCopy());
    }

    @Override
    public String toString() {
        return file != null ? file.toString() : "inline spec";
    }
}
