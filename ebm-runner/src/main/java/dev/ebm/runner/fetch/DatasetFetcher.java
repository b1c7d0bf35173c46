package dev.ebm.runner.fetch;

import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.dataset.DatasetFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills the data cache with a {@link Dataset}: files already cached are verified and kept; the others are taken from
 * the sources in order, each source asked only for the files still missing, until every file is present.
 *
 * <p>Nothing unverified reaches the cache: a candidate is decompressed into a staging directory inside the cache
 * root, its SHA-256 and length compared with the data set's, and only then moved into place atomically (a rename on
 * one file system). A candidate that does not verify is deleted and reported, and the cache is left as it was.
 */
public final class DatasetFetcher {
    private final Path root;
    private final PrintStream log;

    /**
     * @param root the data cache root (the data set goes into {@code root/NAME})
     * @param log where progress lines go
     */
    public DatasetFetcher(Path root, PrintStream log) {
        this.root = root;
        this.log = log;
    }

    /**
     * What a fetch did.
     *
     * @param directory the data set's cache directory
     * @param cached files that were already cached and verified
     * @param fetched for each file fetched now, the source it came from
     * @param missing files still missing afterwards (empty on success)
     * @param failures one line per source or candidate that failed, for the final report
     */
    public record Result(Path directory, List<String> cached, Map<String, String> fetched, List<String> missing,
            List<String> failures) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** Null if {@code file} (raw or gzip) holds exactly {@code expected}; else what is wrong. */
    public static String check(Path file, DatasetFile expected) throws IOException {
        return Verified.check(file, expected);
    }

    public Result fetch(Dataset dataset, List<FetchSource> sources) throws IOException {
        Path target = root.resolve(dataset.name());
        List<String> cached = new ArrayList<>();
        Set<DatasetFile> missing = new LinkedHashSet<>();
        for (DatasetFile f : dataset.files()) {
            Path p = target.resolve(f.name());
            if (Files.isRegularFile(p)) {
                String problem = Verified.check(p, f);
                if (problem == null) {
                    log.println("  " + f.name() + ": already cached, SHA-256 verified");
                    cached.add(f.name());
                    continue;
                }
                log.println("  " + f.name() + ": the cached copy is damaged (" + problem + "); fetching it again");
            }
            missing.add(f);
        }
        Map<String, String> fetched = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        if (!missing.isEmpty()) {
            Files.createDirectories(root);
            removeStale(dataset);
            Path staging = Files.createTempDirectory(root, ".fetch-" + dataset.name() + "-");
            try {
                for (int i = 0; i < sources.size() && !missing.isEmpty(); i++) {
                    tryOne(sources.get(i), missing, staging, target, fetched, failures);
                }
            } finally {
                Verified.deleteTree(staging);
            }
        }
        return new Result(target, cached, fetched, missing.stream().map(DatasetFile::name).toList(), failures);
    }

    /** Deletes staging directories that interrupted fetches of this data set left more than a day ago. */
    private void removeStale(Dataset dataset) throws IOException {
        long dayAgo = System.currentTimeMillis() - 24 * 3600 * 1000L;
        try (var dirs = Files.newDirectoryStream(root, ".fetch-" + dataset.name() + "-*")) {
            for (Path d : dirs) {
                if (Files.isDirectory(d) && Files.getLastModifiedTime(d).toMillis() < dayAgo) {
                    Verified.deleteTree(d);
                }
            }
        }
    }

    private void tryOne(FetchSource source, Set<DatasetFile> missing, Path staging, Path target,
            Map<String, String> fetched, List<String> failures) throws IOException {
        log.println("trying " + source.describe() + " ...");
        long start = System.nanoTime();
        Path work = Files.createTempDirectory(staging, "source-");
        try {
            Map<String, List<Path>> found;
            try {
                found = source.provide(missing.stream().map(DatasetFile::name)
                        .collect(Collectors.toCollection(LinkedHashSet::new)), work, log);
            } catch (IOException | RuntimeException e) {
                log.println("  unavailable: " + e.getMessage());
                failures.add(source.describe() + ": " + e.getMessage());
                return;
            }
            int got = 0;
            for (Iterator<DatasetFile> it = missing.iterator(); it.hasNext(); ) {
                DatasetFile f = it.next();
                List<Path> candidates = found.getOrDefault(f.name(), List.of());
                if (candidates.isEmpty()) {
                    log.println("  " + f.name() + ": not in this source");
                }
                for (Path candidate : candidates) {
                    Path part = staging.resolve(f.name() + ".part");
                    String problem = Verified.copy(candidate, part, f);
                    if (problem == null) {
                        Files.createDirectories(target);
                        Files.move(part, target.resolve(f.name()), StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                        log.println("  " + f.name() + ": SHA-256 verified, stored");
                        fetched.put(f.name(), source.describe());
                        it.remove();
                        got++;
                        break;
                    }
                    Files.deleteIfExists(part);
                    log.println("  " + f.name() + " (" + candidate.getFileName() + "): " + problem + "; not stored");
                    failures.add(source.describe() + ": " + f.name() + ": " + problem);
                }
            }
            log.printf("  %d file(s) from this source in %.1f s%n", got, (System.nanoTime() - start) / 1e9);
        } finally {
            Verified.deleteTree(work);
        }
    }
}
