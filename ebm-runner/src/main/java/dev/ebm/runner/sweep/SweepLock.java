package dev.ebm.runner.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The lock a running sweep holds on {@code DIR/sweep.lock}: an operating-system file lock
 * ({@link FileChannel#tryLock()}), which the system releases when the process dies however it dies, so a killed
 * sweep never leaves a stale lock behind. The file holds the holder's process id and start time, for the message
 * a refused sweep prints; it is deleted when the lock is released normally.
 */
public final class SweepLock implements AutoCloseable {
    /** The lock file's name in the sweep directory. */
    public static final String FILE = "sweep.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process (or another sweep in this process) holds the lock. */
    public static final class HeldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock of sweep directory {@code dir} (created if needed) without waiting.
     *
     * @throws HeldException when it is held, naming the holder as recorded in the file
     */
    public static SweepLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(ch);
                ch.close();
                throw new HeldException("another sweep is running in " + dir + (holder.isEmpty() ? "" : " (" + holder
                        + ")") + "; wait for it to finish or stop it, then run this sweep again to continue");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new SweepLock(file, ch, lock);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // the original error matters more
            }
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
    }

    /** Deletes the lock file and releases the lock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + file, e);
        }
    }
}
