package dev.ebm.api.dataset;

import java.net.URI;
import java.util.Objects;

/**
 * A download mirror: file {@code f} is at {@code baseUrl + f.name() + suffix}.
 *
 * @param baseUrl an http(s) URL ending in {@code /}
 * @param suffix appended to each file name, e.g. {@code .gz} (the fetch decompresses gzip by its magic bytes)
 */
public record MirrorSource(String baseUrl, String suffix) implements DatasetSource {
    public MirrorSource {
        Objects.requireNonNull(baseUrl, "baseUrl");
        suffix = suffix == null ? "" : suffix;
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        String scheme = URI.create(baseUrl).getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("a mirror must be an http(s) URL, found " + baseUrl);
        }
    }

    /** The URL of the file named {@code fileName} (a {@link DatasetFile#name()}). */
    public URI uri(String fileName) {
        return URI.create(baseUrl + fileName + suffix);
    }

    @Override
    public String describe() {
        return "mirror " + baseUrl;
    }
}
