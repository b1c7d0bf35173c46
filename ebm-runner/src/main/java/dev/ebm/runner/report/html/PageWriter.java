package dev.ebm.runner.report.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Page} as one HTML file with the Mustache templates beside this class ({@code page.mustache},
 * {@code table.mustache}, {@code style.mustache}). Every value is HTML-escaped (the templates use no triple
 * mustaches), so spec text and error messages holding {@code <} or {@code &} show as written.
 */
public final class PageWriter {
    private static final Template PAGE = compiler().compile(resource("page"));

    private PageWriter() {}

    /** The page's HTML. */
    public static String html(Page page) {
        return PAGE.execute(page);
    }

    /** Writes the page to {@code file} (parent directories created), replacing it atomically. */
    public static void write(Page page, Path file) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            // not createTempFile: its owner-only permissions would stay on the report
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.writeString(tmp, html(page), StandardCharsets.UTF_8);
                Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Mustache.Compiler compiler() {
        return Mustache.compiler()
                .escapeHTML(true)
                .nullValue("")
                .emptyStringIsFalse(true)
                .zeroIsFalse(true)
                .withLoader(name -> new StringReader(resource(name)));
    }

    private static String resource(String name) {
        try (InputStream in = PageWriter.class.getResourceAsStream(name + ".mustache")) {
            if (in == null) {
                throw new IllegalStateException("template " + name + ".mustache missing beside " + PageWriter.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
