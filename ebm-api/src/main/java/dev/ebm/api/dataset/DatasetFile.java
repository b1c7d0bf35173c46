package dev.ebm.api.dataset;

import java.util.Locale;
import java.util.Objects;

/**
 * One file of a downloadable data set, as it lies in the data cache: decompressed.
 *
 * @param name the file name in the data set's cache directory, e.g. {@code train-images-idx3-ubyte}; sources may
 *     hold it gzip-compressed as {@code name + ".gz"}
 * @param sha256 the SHA-256 of the decompressed content, 64 lower-case hex digits
 * @param size the decompressed length in bytes
 */
public record DatasetFile(String name, String sha256, long size) {
    public DatasetFile {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a dataset file name must be a plain file name, found '" + name + "'");
        }
        sha256 = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + ": sha256 must be 64 hex digits, found '" + sha256 + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException(name + ": size must be >= 0, found " + size);
        }
    }
}
