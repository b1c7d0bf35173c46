package dev.ebm.runner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --from}: directories, tarballs and Debian packages; what lands in the cache and what never does. */
class LocalFetchTest {
    @TempDir
    Path tmp;

    private DatasetFetcher.Result fetch(Path from, FetchFixture.Log log) throws IOException {
        return new DatasetFetcher(tmp.resolve("cache"), log).fetch(FetchFixture.DATASET, List.of(new LocalFetch(from)));
    }

    private void assertCached() throws IOException {
        for (Map.Entry<String, byte[]> f : FetchFixture.FILES.entrySet()) {
            assertThat(Files.readAllBytes(tmp.resolve("cache/toy-set").resolve(f.getKey()))).isEqualTo(f.getValue());
        }
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("toy-set"); // no staging left behind
        }
    }

    @Test
    void fromADirectoryOfRawAndGzipFiles() throws IOException {
        FetchFixture.Log log = new FetchFixture.Log();
        DatasetFetcher.Result r = fetch(FetchFixture.directory(tmp.resolve("copy")), log);
        assertThat(r.complete()).isTrue();
        assertThat(r.fetched()).containsOnlyKeys(FetchFixture.FILES.keySet());
        assertCached();
        assertThat(log.text()).contains("trying local copy " + tmp.resolve("copy"))
                .contains("train-images-idx3-ubyte: SHA-256 verified, stored").contains("3 file(s) from this source");
    }

    @Test
    void fromGzipOrXzTarballsWhateverTheirNames() throws IOException {
        Path tgz = Files.write(tmp.resolve("pkg.tgz"), FetchFixture.tar("package/data/", false, "gz"));
        assertThat(fetch(tgz, new FetchFixture.Log()).complete()).isTrue();
        assertCached();
        Path other = tmp.resolve("second");
        Path txz = Files.write(tmp.resolve("archive.bin"), FetchFixture.tar("a/b/", true, "xz"));
        DatasetFetcher.Result r = new DatasetFetcher(other, new FetchFixture.Log())
                .fetch(FetchFixture.DATASET, List.of(new LocalFetch(txz)));
        assertThat(r.fetched()).hasSize(3);
    }

    @Test
    void fromADebianPackage() throws IOException {
        Path deb = Files.write(tmp.resolve("dataset-toy_1_all.deb"), FetchFixture.deb());
        assertThat(fetch(deb, new FetchFixture.Log()).complete()).isTrue();
        assertCached();
    }

    @Test
    void aCopyWithTheWrongContentLeavesTheCacheUntouched() throws IOException {
        Path copy = FetchFixture.directory(tmp.resolve("copy"));
        byte[] wrong = FetchFixture.FILES.get("train-labels-idx1-ubyte").clone();
        wrong[100] ^= 1;
        Files.write(copy.resolve("train-labels-idx1-ubyte"), wrong);
        // a cached, verified file stays as it is
        Path cached = tmp.resolve("cache/toy-set/t10k-images-idx3-ubyte");
        Files.createDirectories(cached.getParent());
        Files.write(cached, FetchFixture.FILES.get("t10k-images-idx3-ubyte"));
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(cached, before);
        FetchFixture.Log log = new FetchFixture.Log();
        DatasetFetcher.Result r = fetch(copy, log);
        assertThat(r.complete()).isFalse();
        assertThat(r.missing()).containsExactly("train-labels-idx1-ubyte");
        assertThat(r.cached()).containsExactly("t10k-images-idx3-ubyte");
        assertThat(tmp.resolve("cache/toy-set/train-labels-idx1-ubyte")).doesNotExist();
        assertThat(Files.getLastModifiedTime(cached)).isEqualTo(before);
        assertThat(log.text()).contains("train-labels-idx1-ubyte (train-labels-idx1-ubyte): SHA-256 mismatch: expected "
                + FetchFixture.DATASET.file("train-labels-idx1-ubyte").sha256() + ", found "
                + FetchFixture.sha256(wrong)).contains("; not stored");
        assertThat(r.failures()).singleElement().asString().contains("SHA-256 mismatch");
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("toy-set");
        }
    }

    @Test
    void stagingLeftByAnInterruptedFetchIsRemovedOnceItIsADayOld() throws IOException {
        Path old = Files.createDirectories(tmp.resolve("cache/.fetch-toy-set-123/source-1"));
        Path recent = Files.createDirectories(tmp.resolve("cache/.fetch-toy-set-456"));
        Files.setLastModifiedTime(old.getParent(), FileTime.fromMillis(System.currentTimeMillis() - 25 * 3600_000L));
        assertThat(fetch(FetchFixture.directory(tmp.resolve("copy")), new FetchFixture.Log()).complete()).isTrue();
        assertThat(old.getParent()).doesNotExist();
        assertThat(recent).exists(); // perhaps another fetch's, still running
    }

    @Test
    void aFailedFetchCreatesNoDataSetDirectory() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        DatasetFetcher.Result r = fetch(empty, new FetchFixture.Log());
        assertThat(r.missing()).hasSize(3);
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aDamagedCachedFileIsFetchedAgain() throws IOException {
        Path cached = tmp.resolve("cache/toy-set/train-images-idx3-ubyte");
        Files.createDirectories(cached.getParent());
        Files.write(cached, new byte[] {1, 2, 3});
        FetchFixture.Log log = new FetchFixture.Log();
        assertThat(fetch(FetchFixture.directory(tmp.resolve("copy")), log).complete()).isTrue();
        assertCached();
        assertThat(log.text()).contains("train-images-idx3-ubyte: the cached copy is damaged (SHA-256 mismatch");
    }

    @Test
    void laterSourcesAreAskedOnlyForWhatIsStillMissing() throws IOException {
        Path partial = tmp.resolve("partial");
        Files.createDirectories(partial);
        Files.write(partial.resolve("train-images.idx3-ubyte"), FetchFixture.FILES.get("train-images-idx3-ubyte"));
        FetchFixture.Log log = new FetchFixture.Log();
        DatasetFetcher.Result r = new DatasetFetcher(tmp.resolve("cache"), log).fetch(FetchFixture.DATASET,
                List.of(new LocalFetch(tmp.resolve("nowhere")), new LocalFetch(partial),
                        new LocalFetch(FetchFixture.directory(tmp.resolve("copy")))));
        assertThat(r.complete()).isTrue();
        assertThat(r.fetched()).containsEntry("train-images-idx3-ubyte", "local copy " + partial)
                .containsEntry("t10k-images-idx3-ubyte", "local copy " + tmp.resolve("copy"));
        assertThat(log.text()).contains("unavailable: no such file or directory: " + tmp.resolve("nowhere"))
                .contains("train-labels-idx1-ubyte: not in this source");
        assertCached();
    }
}
