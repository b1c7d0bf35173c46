package dev.ebm.data.image;

import dev.ebm.api.dataset.DatasetFile;
import dev.ebm.data.idx.IdxArray;
import dev.ebm.data.idx.IdxFormatException;
import dev.ebm.data.idx.IdxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * IDX files read at most once per process: every data source over the same file (train and evaluation sources,
 * sources with different filters) shares one byte array. A file is read again only when its size or modification
 * time changed.
 */
final class ImageFiles {
    private record Key(Path file, long size, long modified, String dims) {}

    private static final Map<Key, IdxArray> LOADED = new HashMap<>();

    private ImageFiles() {}

    /**
     * The checked content of {@code file}.
     *
     * @param expected when not null, the file must have this SHA-256 (of its decompressed content)
     * @param dims the expected dimensions, as {@link IdxReader#read}
     */
    static synchronized IdxArray load(Path file, DatasetFile expected, int... dims) throws IOException {
        Path real = file.toRealPath();
        Key key = new Key(real, Files.size(real), Files.getLastModifiedTime(real).toMillis(),
                java.util.Arrays.toString(dims));
        IdxArray a = LOADED.get(key);
        if (a == null) {
            a = IdxReader.read(file, dims);
            LOADED.put(key, a);
        }
        if (expected != null && !expected.sha256().equals(a.sha256())) {
            throw new IdxFormatException(file, "SHA-256 mismatch: expected " + expected.sha256() + ", found "
                    + a.sha256() + " (" + (a.bytes().length == expected.size() ? "same length"
                    : a.bytes().length + " bytes decompressed, expected " + expected.size()) + ")");
        }
        return a;
    }
}
