package dev.ebm.runner.cli;

import dev.ebm.api.dataset.DataCache;
import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.dataset.DatasetFile;
import dev.ebm.api.dataset.DatasetProvider;
import dev.ebm.api.dataset.DatasetSource;
import dev.ebm.runner.fetch.DatasetFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/ebm data list [--verify]}: each known data set, whether it is cached, and where. */
@Command(name = "list", description = "List the data sets that can be fetched, and which are cached where.")
public final class DataListCommand implements Callable<Integer> {

    @Option(names = "--verify", description = "Also check the SHA-256 of every cached file (reads them all).")
    boolean verify;

    @Option(names = "--sources", description = "Also print each data set's sources, in the order they are tried.")
    boolean sources;

    @Override
    public Integer call() throws IOException {
        Path root = DataCache.root();
        System.out.println("data cache: " + root + " (" + DataCache.rootOrigin() + ")");
        for (Dataset d : DatasetProvider.load().values()) {
            Path dir = root.resolve(d.name());
            List<String> problems = new ArrayList<>();
            int absent = 0;
            for (DatasetFile f : d.files()) {
                Path p = dir.resolve(f.name());
                if (!Files.isRegularFile(p)) {
                    problems.add(f.name() + " missing");
                    absent++;
                } else if (Files.size(p) != f.size()) {
                    problems.add(f.name() + " has " + Files.size(p) + " bytes, expected " + f.size());
                } else if (verify) {
                    String problem = DatasetFetcher.check(p, f);
                    if (problem != null) {
                        problems.add(f.name() + ": " + problem);
                    }
                }
            }
            String status = problems.isEmpty() ? (verify ? "cached, verified" : "cached")
                    : absent == d.files().size() ? "not cached" : absent > 0 ? "incomplete" : "damaged";
            System.out.printf("%-15s %-17s %s%n", d.name(), status, dir);
            System.out.printf("%-15s %s%n", "", d.description());
            if (!problems.isEmpty()) {
                if (absent < d.files().size()) {
                    problems.forEach(p -> System.out.printf("%-15s ! %s%n", "", p));
                }
                System.out.printf("%-15s fetch it with: %s%n", "", d.fetchCommand());
            }
            if (sources) {
                for (DatasetSource s : d.sources()) {
                    System.out.printf("%-15s source: %s%n", "", s.describe());
                }
            }
        }
        return 0;
    }
}
