package dev.ebm.api.dataset;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A data set that {@code bin/ebm data fetch NAME} can put into the {@linkplain DataCache data cache}: its files, each
 * with the SHA-256 of its decompressed content, and the sources to try in order. The data source plugin that reads
 * it and this description come from the same module, so the checksums a fetch verifies are those a run checks.
 *
 * @param name the id used on the command line and as the cache directory's name, e.g. {@code mnist}
 * @param description one line for {@code bin/ebm data list}
 * @param files every file of the data set
 * @param sources where to fetch them from, in the order to try
 */
public record Dataset(String name, String description, List<DatasetFile> files, List<DatasetSource> sources) {
    public Dataset {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("a dataset name is lower-case letters, digits, '.', '_' and '-', found '"
                    + name + "'");
        }
        description = description == null ? "" : description;
        files = List.copyOf(files);
        sources = List.copyOf(sources);
        Set<String> seen = new HashSet<>();
        for (DatasetFile f : files) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException(name + ": file " + f.name() + " listed twice");
            }
        }
    }

    /** The file of this name, or null. */
    public DatasetFile file(String fileName) {
        return files.stream().filter(f -> f.name().equals(fileName)).findFirst().orElse(null);
    }

    /** This data set's directory in the current cache: {@code DataCache.root().resolve(name)}. */
    public Path cacheDir() {
        return DataCache.root().resolve(name);
    }

    /** The command that fills the cache with this data set. */
    public String fetchCommand() {
        return "bin/ebm data fetch " + name;
    }
}
