package dev.ebm.api.dataset;

import java.util.Objects;

/**
 * A Debian package whose data archive holds the files (raw or gzip-compressed, found by file name): fetched with
 * {@code apt-get download NAME} into a temporary directory and unpacked there (no root, nothing installed).
 *
 * @param packageName e.g. {@code dataset-fashion-mnist}
 */
public record DebianSource(String packageName) implements DatasetSource {
    public DebianSource {
        Objects.requireNonNull(packageName, "packageName");
    }

    @Override
    public String describe() {
        return "Debian package " + packageName + " (apt-get download)";
    }
}
