package dev.ebm.runner.fetch;

import dev.ebm.api.dataset.DatasetFile;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Decompressing copies checked against a {@link DatasetFile}'s SHA-256 and length; file clean-up. */
final class Verified {
    private Verified() {}

    /** Null if {@code file} (raw or gzip) decompresses to exactly {@code expected}; else what is wrong. */
    static String check(Path file, DatasetFile expected) throws IOException {
        return copy(file, null, expected);
    }

    /**
     * Decompresses {@code from} (gzip recognised by its magic bytes) into {@code to} (null: nowhere) while hashing it.
     *
     * @return null if the content has the expected length and SHA-256, else what is wrong
     */
    static String copy(Path from, Path to, DatasetFile expected) throws IOException {
        MessageDigest sha = sha256();
        long length = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(from), 1 << 16);
                InputStream in = new DigestInputStream(gzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw, sha);
                OutputStream out = to == null ? OutputStream.nullOutputStream() : Files.newOutputStream(to)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                length += n;
            }
        } catch (EOFException e) {
            return "truncated gzip stream";
        } catch (ZipException e) {
            return "corrupt gzip stream (" + e.getMessage() + ")";
        }
        String found = HexFormat.of().formatHex(sha.digest());
        if (!found.equals(expected.sha256())) {
            return "SHA-256 mismatch: expected " + expected.sha256() + ", found " + found + " (" + length
                    + " bytes decompressed, expected " + expected.size() + ")";
        }
        if (length != expected.size()) {
            return "length " + length + ", expected " + expected.size();
        }
        return null;
    }

    private static boolean gzip(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Deletes a directory tree; missing is fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
