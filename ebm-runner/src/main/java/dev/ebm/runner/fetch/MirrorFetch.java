package dev.ebm.runner.fetch;

import dev.ebm.api.dataset.MirrorSource;
import dev.ebm.runner.train.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A download mirror over HTTP(S), with a short connect timeout so that a machine without internet falls through
 * to the next source in seconds. Downloads go into the working directory with progress; a file the mirror lacks
 * (HTTP 404) is skipped, while an unreachable host ends this source.
 */
final class MirrorFetch implements FetchSource {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final MirrorSource source;
    private final HttpClient http;
    private final boolean terminal;

    MirrorFetch(MirrorSource source, HttpClient http, boolean terminal) {
        this.source = source;
        this.http = http;
        this.terminal = terminal;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public Map<String, List<Path>> provide(Set<String> wanted, Path work, PrintStream log) throws IOException {
        Map<String, List<Path>> found = new LinkedHashMap<>();
        for (String name : wanted) {
            URI uri = source.uri(name);
            Path out = work.resolve(name + source.suffix());
            try {
                if (download(uri, out, log)) {
                    found.put(name, List.of(out));
                }
            } catch (HttpConnectTimeoutException | ConnectException | UnknownHostException e) {
                throw new IOException("cannot reach " + uri.getHost() + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            }
        }
        return found;
    }

    /** Downloads {@code uri} to {@code out}; false (with a line in the log) when the server has no such file. */
    private boolean download(URI uri, Path out, PrintStream log) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                log.println("  " + uri + ": HTTP " + response.statusCode());
                return false;
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            String label = "  " + out.getFileName();
            try (OutputStream o = Files.newOutputStream(out);
                    Progress progress = length > 0 ? new Progress(label, 0, length, terminal, log) : null) {
                byte[] buf = new byte[1 << 16];
                long done = 0;
                long start = System.nanoTime();
                for (int n; (n = body.read(buf)) > 0; ) {
                    o.write(buf, 0, n);
                    done += n;
                    if (progress != null) {
                        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                        progress.update(done, String.format("%.1f of %.1f MB, %.1f MB/s", done / 1e6, length / 1e6,
                                done / 1e6 / seconds));
                    }
                }
                if (length > 0 && done != length) {
                    throw new IOException(uri + ": the connection closed after " + done + " of " + length + " bytes");
                }
                log.printf("  %s: %.1f MB downloaded%n", out.getFileName(), done / 1e6);
            }
        }
        return true;
    }
}
