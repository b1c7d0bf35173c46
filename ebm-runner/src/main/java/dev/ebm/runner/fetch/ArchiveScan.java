package dev.ebm.runner.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Finds data set files in a local path: a directory (searched a few levels deep), a tar archive (plain, gzip, xz or
 * bzip2 compressed: {@code .tar}, {@code .tgz}, {@code .tar.gz}, {@code .tar.xz}), a Debian package (an ar archive
 * whose {@code data.tar.*} is searched), or a single file. Archive kinds are recognised by their content (magic
 * bytes), not their names; matching entries are extracted into the working directory under their base names.
 */
final class ArchiveScan {
    private static final int DIRECTORY_DEPTH = 8;

    private ArchiveScan() {}

    static Map<String, List<Path>> scan(Path path, Set<String> wanted, Path work) throws IOException {
        FileMatch match = new FileMatch(wanted);
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path, DIRECTORY_DEPTH)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    String name = match.match(f.getFileName().toString());
                    if (name != null) {
                        match.add(name, f);
                    }
                });
            }
            return match.found();
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file or directory: " + path);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            if (!archive(in, match, work, path.getFileName().toString())) {
                String name = match.match(path.getFileName().toString());
                if (name != null) {
                    match.add(name, path);
                }
            }
        }
        return match.found();
    }

    /** Scans {@code in} if it is a (possibly compressed) tar or ar archive; false if it is neither. */
    private static boolean archive(InputStream in, FileMatch match, Path work, String label) throws IOException {
        InputStream s = in;
        String compressor = compressor(in);
        if (compressor != null) {
            try {
                s = new BufferedInputStream(new CompressorStreamFactory().createCompressorInputStream(compressor, in),
                        1 << 16);
            } catch (CompressorException e) {
                throw new IOException(label + ": cannot decompress " + compressor + ": " + e.getMessage(), e);
            }
        }
        String kind;
        try {
            kind = ArchiveStreamFactory.detect(s);
        } catch (ArchiveException e) {
            return false; // not an archive: a plain or gzip-compressed single file
        }
        if (ArchiveStreamFactory.TAR.equals(kind)) {
            extract(new TarArchiveInputStream(s), match, work);
            return true;
        }
        if (ArchiveStreamFactory.AR.equals(kind)) {
            deb(new ArArchiveInputStream(s), match, work, label);
            return true;
        }
        return false;
    }

    private static void extract(ArchiveInputStream<?> tar, FileMatch match, Path work) throws IOException {
        ArchiveEntry e;
        int n = 0;
        while ((e = tar.getNextEntry()) != null) {
            if (e.isDirectory() || !tar.canReadEntryData(e)) {
                continue;
            }
            String base = e.getName().replaceAll(".*/", "");
            String name = match.match(base);
            if (name != null) {
                Path out = work.resolve((n++) + "-" + base);
                Files.copy(tar, out);
                match.add(name, out);
            }
        }
    }

    /** A Debian package: an ar archive whose {@code data.tar[.gz|.xz|.bz2]} member holds the files. */
    private static void deb(ArArchiveInputStream ar, FileMatch match, Path work, String label) throws IOException {
        ArchiveEntry e;
        while ((e = ar.getNextEntry()) != null) {
            if (e.getName().startsWith("data.tar")) {
                InputStream member = new BufferedInputStream(ar, 1 << 16);
                if (!archive(member, match, work, label + ":" + e.getName())) {
                    throw new IOException(label + ": its " + e.getName() + " is not a tar archive");
                }
                return;
            }
        }
        throw new IOException(label + ": an ar archive without a data.tar member (not a Debian package)");
    }

    /** The compressor of a stream by its magic bytes (gz, xz, bzip2, zstd, ...), or null. */
    private static String compressor(InputStream in) {
        try {
            return CompressorStreamFactory.detect(in);
        } catch (CompressorException e) {
            return null;
        }
    }
}
