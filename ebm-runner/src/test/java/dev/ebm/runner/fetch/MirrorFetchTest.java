package dev.ebm.runner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.dataset.MirrorSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mirrors over HTTP, served from this machine's loopback: downloads, missing files, bad content, dead hosts. */
class MirrorFetchTest {
    static {
        // the tests run in module dev.ebm.runner, which reads the JDK's HTTP server only for them
        MirrorFetchTest.class.getModule().addReads(ModuleLayer.boot().findModule("jdk.httpserver").orElseThrow());
    }

    @TempDir
    Path tmp;
    private HttpServer server;
    private final Map<String, byte[]> served = new HashMap<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mnist/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath().substring("/mnist/".length()));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        for (Map.Entry<String, byte[]> f : FetchFixture.FILES.entrySet()) {
            served.put(f.getKey() + ".gz", FetchFixture.gzip(f.getValue()));
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/";
    }

    private static Dataset withSources(MirrorSource... mirrors) {
        return new Dataset("toy-set", "", FetchFixture.DATASET.files(), List.of(mirrors));
    }

    private DatasetFetcher.Result fetch(Dataset d, FetchFixture.Log log) throws IOException {
        return new DatasetFetcher(tmp.resolve("cache"), log).fetch(d, FetchSources.of(d, null, false));
    }

    @Test
    void downloadsWithProgressAndStoresVerifiedFiles() throws IOException {
        FetchFixture.Log log = new FetchFixture.Log();
        DatasetFetcher.Result r = fetch(withSources(new MirrorSource(base(), ".gz")), log);
        assertThat(r.complete()).isTrue();
        for (Map.Entry<String, byte[]> f : FetchFixture.FILES.entrySet()) {
            assertThat(Files.readAllBytes(tmp.resolve("cache/toy-set").resolve(f.getKey()))).isEqualTo(f.getValue());
        }
        assertThat(log.text()).contains("trying mirror " + base()).contains("train-images-idx3-ubyte.gz 1")
                .contains("(100%)").contains("MB downloaded").contains("3 file(s) from this source");
    }

    @Test
    void aChecksumMismatchLeavesTheCacheUntouchedAndTheNextMirrorIsTried() throws IOException {
        byte[] wrong = FetchFixture.FILES.get("t10k-images-idx3-ubyte").clone();
        wrong[0] ^= 1;
        served.put("t10k-images-idx3-ubyte.gz", FetchFixture.gzip(wrong));
        FetchFixture.Log log = new FetchFixture.Log();
        DatasetFetcher.Result r = fetch(withSources(new MirrorSource(base(), ".gz")), log);
        assertThat(r.missing()).containsExactly("t10k-images-idx3-ubyte");
        assertThat(tmp.resolve("cache/toy-set/t10k-images-idx3-ubyte")).doesNotExist();
        assertThat(log.text()).contains("t10k-images-idx3-ubyte (t10k-images-idx3-ubyte.gz): SHA-256 mismatch");
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("toy-set");
        }
        // a second mirror (the same server under another path) with the right content completes the set
        served.put("t10k-images-idx3-ubyte.gz", FetchFixture.gzip(FetchFixture.FILES.get("t10k-images-idx3-ubyte")));
        FetchFixture.Log again = new FetchFixture.Log();
        DatasetFetcher.Result r2 = fetch(withSources(new MirrorSource(base() + "absent/", ".gz"),
                new MirrorSource(base(), ".gz")), again);
        assertThat(r2.complete()).isTrue();
        assertThat(r2.cached()).hasSize(2);
        assertThat(again.text()).contains("HTTP 404");
    }

    @Test
    void anUnreachableMirrorFallsThroughAtOnce() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        FetchFixture.Log log = new FetchFixture.Log();
        long start = System.nanoTime();
        DatasetFetcher.Result r = fetch(withSources(new MirrorSource("http://127.0.0.1:" + closed + "/x/", ".gz"),
                new MirrorSource(base(), ".gz")), log);
        assertThat(r.complete()).isTrue();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(MirrorFetch.CONNECT_TIMEOUT.toSeconds());
        assertThat(log.text()).contains("unavailable: cannot reach 127.0.0.1");
    }

    @Test
    void theMirrorPropertyReplacesTheDataSetsMirrors() {
        Dataset d = withSources(new MirrorSource("https://example.invalid/a/", ".gz"),
                new MirrorSource("https://example.invalid/b/", ".gz"));
        String saved = System.getProperty(FetchSources.MIRROR_PROPERTY);
        System.setProperty(FetchSources.MIRROR_PROPERTY, base());
        try {
            assertThat(FetchSources.of(d, null, false)).extracting(FetchSource::describe)
                    .containsExactly("mirror " + base());
            assertThat(FetchSources.of(d, "npm", false)).isEmpty();
        } finally {
            if (saved == null) {
                System.clearProperty(FetchSources.MIRROR_PROPERTY);
            } else {
                System.setProperty(FetchSources.MIRROR_PROPERTY, saved);
            }
        }
    }
}
