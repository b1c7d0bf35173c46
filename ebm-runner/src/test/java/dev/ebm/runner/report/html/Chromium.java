package dev.ebm.runner.report.html;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}) as the tests drive it: the DOM after loading a page, and a
 * screenshot. Each call uses a fresh profile directory and no network services.
 */
final class Chromium {
    private static final long TIMEOUT_S = 120;
    private final Path exe;

    private Chromium(Path exe) {
        this.exe = exe;
    }

    /**
     * The browser named by {@code EBM_CHROMIUM}, else {@code /usr/bin/chromium}, else {@code chromium} or
     * {@code chromium-browser} on the PATH; null when there is none.
     */
    static Chromium find() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("EBM_CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Chromium::new).orElse(null);
    }

    Path exe() {
        return exe;
    }

    /** The page's DOM, serialised after it loaded. */
    String dumpDom(Path page, Path work) throws IOException, InterruptedException {
        return run(work, "--dump-dom", page.toUri().toString());
    }

    /** A PNG screenshot of the page in a window of {@code width} × {@code height} CSS pixels. */
    Path screenshot(Path page, Path png, int width, int height, Path work) throws IOException, InterruptedException {
        run(work, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                page.toUri().toString());
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("chromium wrote no screenshot " + png);
        }
        return png;
    }

    private String run(Path work, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path out = Files.createTempFile(work, "chromium-", ".out");
        Path err = Files.createTempFile(work, "chromium-", ".err");
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_S + " s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exited " + p.exitValue() + ": " + cmd + "\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
