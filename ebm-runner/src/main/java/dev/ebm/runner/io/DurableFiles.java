package dev.ebm.runner.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes that survive a crash of the process or of the machine: file contents and directory entries are forced
 * to the device ({@code fsync}) before a rename makes them visible.
 */
public final class DurableFiles {
    private DurableFiles() {}

    /**
     * Writes a new file and forces its contents to the device; an existing file is an error.
     *
     * @param midway a fault-injection point reached when half the bytes are written, or null
     */
    public static void write(Path file, byte[] bytes, FaultInjection.Point midway) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes, 0, bytes.length / 2);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (midway != null && FaultInjection.armed()) {
                ch.force(true);
                FaultInjection.at(midway, file);
            }
            b = ByteBuffer.wrap(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /**
     * Forces a directory's entries (files created, renamed or deleted in it) to the device. Platforms that cannot
     * open a directory (Windows) are skipped: there, a rename is as durable as the file system makes it.
     */
    public static void syncDirectory(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (ch) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse fsync on directories (EINVAL); the files themselves are synced
            if (!String.valueOf(e.getMessage()).contains("Invalid argument")) {
                throw e;
            }
        }
    }

    /** Renames {@code from} to {@code to} atomically where the file system can, and syncs the parent of {@code to}. */
    public static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
        syncDirectory(to.toAbsolutePath().getParent());
    }

    /** Deletes a directory tree, deepest entries first; a missing tree is not an error. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
