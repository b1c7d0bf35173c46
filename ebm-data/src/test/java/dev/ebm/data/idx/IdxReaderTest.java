package dev.ebm.data.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading IDX files, raw and gzip, and the error each kind of damage gives. */
class IdxReaderTest {
    @TempDir
    Path dir;

    private static final IdxWriter.PixelRule RULE = (i, j) -> (i * 31 + j * 7) % 256;

    @Test
    void readsRawImagesAndLabels() throws Exception {
        Path f = IdxWriter.write(dir.resolve("images"), IdxWriter.images(3, RULE));
        IdxArray a = IdxReader.read(f, -1, 28, 28);
        assertThat(a.dims()).containsExactly(3, 28, 28);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.itemSize()).isEqualTo(784);
        assertThat(a.offset()).isEqualTo(16);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 784; j += 13) {
                assertThat(a.get(i, j)).isEqualTo(RULE.at(i, j));
            }
        }
        Path l = IdxWriter.write(dir.resolve("labels"), IdxWriter.labels(7, 0, 9, 255));
        IdxArray labels = IdxReader.read(l, -1);
        assertThat(labels.count()).isEqualTo(4);
        assertThat(new int[] {labels.get(0, 0), labels.get(1, 0), labels.get(2, 0), labels.get(3, 0)})
                .containsExactly(7, 0, 9, 255);
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws Exception {
        byte[] raw = IdxWriter.images(2, RULE);
        Path plainName = IdxWriter.write(dir.resolve("no-gz-suffix"), IdxWriter.gzip(raw));
        Path gzName = IdxWriter.write(dir.resolve("raw.gz"), raw);
        IdxArray a = IdxReader.read(plainName, -1, 28, 28);
        IdxArray b = IdxReader.read(gzName, -1, 28, 28);
        assertThat(a.bytes()).isEqualTo(raw);
        assertThat(b.bytes()).isEqualTo(raw);
        assertThat(a.sha256()).isEqualTo(b.sha256()).isEqualTo(IdxReader.sha256(raw)).hasSize(64);
    }

    @Test
    void checksumIsTheSha256OfTheDecompressedContent() {
        // FIPS 180-2 test vector
        assertThat(IdxReader.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aFileThatIsNotIdxNamesItsMagicNumber() {
        Path f = IdxWriter.write(dir.resolve("text"), "hello world, not idx".getBytes());
        assertThatThrownBy(() -> IdxReader.read(f, -1, 28, 28)).isInstanceOf(IdxFormatException.class)
                .hasMessage(f + ": wrong magic number 0x68656C6C: not an IDX file (expected 0x00000803)");
    }

    @Test
    void wrongElementTypeOrDimensionCountIsAWrongMagicNumber() {
        Path floats = IdxWriter.write(dir.resolve("floats"), IdxWriter.idx(0x0D03, new byte[0], 0, 28, 28));
        assertThatThrownBy(() -> IdxReader.read(floats, -1, 28, 28)).hasMessage(floats
                + ": wrong magic number 0x00000D03: element type 0x0D, expected 0x08 (unsigned byte)");
        Path labels = IdxWriter.write(dir.resolve("labels"), IdxWriter.labels(1, 2, 3));
        assertThatThrownBy(() -> IdxReader.read(labels, -1, 28, 28)).hasMessage(labels
                + ": wrong magic number 0x00000801: 1 dimensions, expected 0x00000803 (3 dimensions)");
    }

    @Test
    void wrongDimensionSizesAreNamed() {
        Path f = IdxWriter.write(dir.resolve("big"), IdxWriter.idx(new byte[2 * 32 * 32], 2, 32, 32));
        assertThatThrownBy(() -> IdxReader.read(f, -1, 28, 28))
                .hasMessage(f + ": wrong size: dimension 1 is 32, expected 28 (dimensions 2×32×32)");
    }

    @Test
    void truncatedFilesAreRefusedWithBothLengths() {
        byte[] full = IdxWriter.images(3, RULE);
        Path cut = IdxWriter.write(dir.resolve("cut"), Arrays.copyOf(full, full.length - 100));
        assertThatThrownBy(() -> IdxReader.read(cut, -1, 28, 28)).hasMessage(cut + ": truncated: the header declares "
                + "3×28×28 = 2352 bytes of data (2368 with the header), the file has 2268");
        Path header = IdxWriter.write(dir.resolve("header"), Arrays.copyOf(full, 10));
        assertThatThrownBy(() -> IdxReader.read(header, -1, 28, 28))
                .hasMessage(header + ": truncated: 10 bytes, shorter than its 16-byte header");
        Path empty = IdxWriter.write(dir.resolve("empty"), new byte[0]);
        assertThatThrownBy(() -> IdxReader.read(empty, -1))
                .hasMessage(empty + ": truncated: 0 bytes, shorter than an IDX magic number");
    }

    @Test
    void extraBytesAreRefused() {
        byte[] full = IdxWriter.labels(1, 2, 3);
        Path f = IdxWriter.write(dir.resolve("long"), Arrays.copyOf(full, full.length + 5));
        assertThatThrownBy(() -> IdxReader.read(f, -1))
                .hasMessage(f + ": wrong length: 5 bytes more than the header declares (3, 11 bytes in all)");
    }

    @Test
    void truncatedOrCorruptGzipIsRefused() {
        byte[] gz = IdxWriter.gzip(IdxWriter.images(3, RULE));
        Path cut = IdxWriter.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.read(cut, -1, 28, 28)).isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(cut + ": truncated gzip stream");
        byte[] bad = gz.clone();
        for (int i = 20; i < 40; i++) {
            bad[i] ^= 0x5A;
        }
        Path corrupt = IdxWriter.write(dir.resolve("corrupt.gz"), bad);
        assertThatThrownBy(() -> IdxReader.read(corrupt, -1, 28, 28)).isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(corrupt + ": ").hasMessageContaining("gzip");
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("absent");
        assertThatThrownBy(() -> IdxReader.read(f, -1)).hasMessage(f + ": no such file");
    }
}
