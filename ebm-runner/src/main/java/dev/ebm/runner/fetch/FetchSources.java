package dev.ebm.runner.fetch;

import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.dataset.DatasetSource;
import dev.ebm.api.dataset.DebianSource;
import dev.ebm.api.dataset.MirrorSource;
import dev.ebm.api.dataset.NpmSource;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The fetch sources of a data set, in its order. The system property {@value #MIRROR_PROPERTY} or the environment
 * variable {@value #MIRROR_ENV} replaces the data set's mirrors by one base URL (an internal mirror; tests).
 */
public final class FetchSources {
    public static final String MIRROR_PROPERTY = "ebm.data.mirror";
    public static final String MIRROR_ENV = "EBM_DATA_MIRROR";
    /** The kinds {@code --source} accepts. */
    public static final List<String> KINDS = List.of("mirror", "npm", "debian");

    private FetchSources() {}

    /**
     * @param kind only sources of this kind ({@link #KINDS}), or null for all
     * @param terminal whether progress may redraw one line (a console)
     */
    public static List<FetchSource> of(Dataset dataset, String kind, boolean terminal) {
        List<FetchSource> out = new ArrayList<>();
        HttpClient http = null;
        boolean overridden = false;
        String override = System.getProperty(MIRROR_PROPERTY, System.getenv(MIRROR_ENV));
        for (DatasetSource s : dataset.sources()) {
            if (kind != null && !kind.equals(kindOf(s))) {
                continue;
            }
            if (s instanceof MirrorSource m) {
                if (override != null && !override.isBlank()) {
                    if (overridden) {
                        continue;
                    }
                    m = new MirrorSource(override, m.suffix());
                    overridden = true;
                }
                http = http == null ? MirrorFetch.client() : http;
                out.add(new MirrorFetch(m, http, terminal));
            } else if (s instanceof NpmSource n) {
                out.add(new NpmFetch(n));
            } else if (s instanceof DebianSource d) {
                out.add(new DebianFetch(d));
            }
        }
        return out;
    }

    static String kindOf(DatasetSource s) {
        if (s instanceof MirrorSource) {
            return "mirror";
        }
        return s instanceof NpmSource ? "npm" : "debian";
    }
}
