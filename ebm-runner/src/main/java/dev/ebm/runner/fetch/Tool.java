package dev.ebm.runner.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a package tool ({@code npm}, {@code apt-get}) in a working directory, with a time limit. */
final class Tool {
    static final long TIMEOUT_MINUTES = 10;

    private Tool() {}

    /**
     * Runs {@code command} in {@code dir}; returns its combined output.
     *
     * @throws IOException if the tool is missing, fails or runs past the time limit; the message carries the tail of
     *     its output
     */
    static String run(Path dir, PrintStream log, String... command) throws IOException {
        String line = String.join(" ", command);
        log.println("  running: " + line);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " is not available (" + e.getMessage() + ")", e);
        }
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes(); // the tool's output is short; reading it to the end also waits for it
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(line + " ran for more than " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(line + " was interrupted", e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(line + " exited with " + p.exitValue() + ": " + tail(text, 4));
        }
        return text;
    }

    static String tail(String text, int lines) {
        List<String> all = Arrays.asList(text.strip().split("\\R"));
        return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
