package dev.ebm.runner.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/** Images inline in a page as {@code data:} URIs, so that a report is one file that opens offline. */
public final class DataUri {
    private DataUri() {}

    /** A PNG image's bytes as a {@code data:image/png;base64,...} URI. */
    public static String png(byte[] bytes) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** An image file (PNG, JPEG, GIF, SVG by its extension) as a {@code data:} URI. */
    public static String of(Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".png") ? "image/png"
                : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg"
                : name.endsWith(".gif") ? "image/gif"
                : name.endsWith(".svg") ? "image/svg+xml"
                : "application/octet-stream";
        try {
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(image));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + image, e);
        }
    }
}
