package dev.ebm.runner.fetch;

import dev.ebm.api.dataset.DebianSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Debian package: {@code apt-get download NAME} puts its {@code .deb} into the working directory (no root needed,
 * nothing installed; the package lists must be current, i.e. {@code apt-get update} has run once), and its data
 * archive is searched in Java (ar + tar + xz), so {@code dpkg-deb} is not needed either.
 */
final class DebianFetch implements FetchSource {
    private final DebianSource source;

    DebianFetch(DebianSource source) {
        this.source = source;
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public Map<String, List<Path>> provide(Set<String> wanted, Path work, PrintStream log) throws IOException {
        try {
            Tool.run(work, log, "apt-get", "download", source.packageName());
        } catch (IOException e) {
            String hint = e.getMessage().contains("Unable to locate package")
                    ? " (are the package lists current? apt-get update, as root, refreshes them)" : "";
            throw new IOException(e.getMessage() + hint, e);
        }
        Path deb;
        try (Stream<Path> files = Files.list(work)) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IOException("apt-get download wrote no .deb into " + work));
        }
        log.printf("  %s: %.1f MB%n", deb.getFileName(), Files.size(deb) / 1e6);
        Path extracted = Files.createDirectory(work.resolve("extracted"));
        return ArchiveScan.scan(deb, wanted, extracted);
    }
}
