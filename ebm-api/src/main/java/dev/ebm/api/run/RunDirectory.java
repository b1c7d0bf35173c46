package dev.ebm.api.run;

import java.nio.file.Path;

/**
 * The directory of a run ({@code runs/NAME-TIMESTAMP/}): a plugin that writes files of its own puts them under it,
 * in a sub-directory named after its type id, never beside the runner's files.
 *
 * @param path the run directory; training creates it after the plugins are built (a spec the plugins refuse
 *     leaves no directory behind), so a plugin creates its own files when it first runs, not when it is built
 */
public record RunDirectory(Path path) {

    public RunDirectory {
        if (path == null) {
            throw new IllegalArgumentException("a run directory needs a path");
        }
    }

    /** {@code path/name}: a file or directory of a plugin's own. */
    public Path resolve(String name) {
        return path.resolve(name);
    }
}
