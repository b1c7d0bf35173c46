package dev.ebm.runner.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --from PATH}: a directory of IDX files (raw or .gz), one such file, a tarball or a Debian package. */
public final class LocalFetch implements FetchSource {
    private final Path path;

    public LocalFetch(Path path) {
        this.path = path.toAbsolutePath();
    }

    @Override
    public String describe() {
        return "local copy " + path;
    }

    @Override
    public Map<String, List<Path>> provide(Set<String> wanted, Path work, PrintStream log) throws IOException {
        return ArchiveScan.scan(path, wanted, work);
    }
}
