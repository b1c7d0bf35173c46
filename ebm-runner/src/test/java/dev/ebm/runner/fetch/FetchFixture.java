package dev.ebm.runner.fetch;

import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.dataset.DatasetFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** A small generated data set (three files of random bytes) and the archives a fetch may meet it in. */
final class FetchFixture {
    static final Map<String, byte[]> FILES = new LinkedHashMap<>();

    static {
        Random r = new Random(7);
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte")) {
            byte[] b = new byte[1000 + r.nextInt(30_000)];
            r.nextBytes(b);
            FILES.put(name, b);
        }
    }

    static final Dataset DATASET = new Dataset("toy-set", "generated", FILES.entrySet().stream()
            .map(e -> new DatasetFile(e.getKey(), sha256(e.getValue()), e.getValue().length)).toList(), List.of());

    private FetchFixture() {}

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    /** A tar archive (gzip- or xz-compressed, or plain) holding the files under {@code prefix}, gzipped if asked. */
    static byte[] tar(String prefix, boolean gzipEntries, String compression) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream c = compression.equals("gz") ? new GZIPOutputStream(bytes)
                : compression.equals("xz") ? new XZCompressorOutputStream(bytes) : bytes;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(c)) {
            TarArchiveEntry readme = new TarArchiveEntry(prefix + "readme.md");
            byte[] text = "not data".getBytes(StandardCharsets.UTF_8);
            readme.setSize(text.length);
            tar.putArchiveEntry(readme);
            tar.write(text);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> f : FILES.entrySet()) {
                byte[] content = gzipEntries ? gzip(f.getValue()) : f.getValue();
                TarArchiveEntry e = new TarArchiveEntry(prefix + f.getKey() + (gzipEntries ? ".gz" : ""));
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A Debian package: debian-binary, control.tar.gz and data.tar.xz with the gzipped files under usr/share. */
    static byte[] deb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(bytes)) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            member(ar, "control.tar.gz", gzip(new byte[1024]));
            member(ar, "data.tar.xz", tar("./usr/share/datasets/toy/", true, "xz"));
        }
        return bytes.toByteArray();
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] content) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, content.length));
        ar.write(content);
        ar.closeArchiveEntry();
    }

    /** A directory with the files: the first gzip-compressed, the others raw. */
    static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean first = true;
        for (Map.Entry<String, byte[]> f : FILES.entrySet()) {
            Files.write(dir.resolve(f.getKey() + (first ? ".gz" : "")), first ? gzip(f.getValue()) : f.getValue());
            first = false;
        }
        return dir;
    }

    /** A print stream whose text {@link #text} returns. */
    static final class Log extends PrintStream {
        Log() {
            super(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        }

        String text() {
            return ((ByteArrayOutputStream) out).toString(StandardCharsets.UTF_8);
        }
    }
}
