package dev.ebm.runner.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.ChainState;
import dev.ebm.runner.report.ChainPlots;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ChainRecordTest {

    /** A state of {@code n} chains whose every coordinate of chain i is t + i/100, energy t·(i + 1). */
    private static ChainState state(int n, long[] sampleShape, int t) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        INDArray x = Nd4j.create(DataType.FLOAT, shape);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(t + i / 100.0);
            e[i] = t * (i + 1.0);
        }
        return new ChainState(x, Nd4j.createFromArray(e).castTo(DataType.FLOAT), x.dup(), Double.NaN);
    }

    @Test
    void lowDimensionalSamplesRecordEnergyAndEveryCoordinateOnTheThinnedGrid() {
        ChainRecord r = new ChainRecord(3, new long[] {2}, 10, 2, false);
        for (int t = 0; t <= 10; t++) {
            r.record(t, state(3, new long[] {2}, t));
        }
        assertThat(r.quantities()).containsExactly("energy", "x0", "x1");
        assertThat(r.times()).containsExactly(0, 2, 4, 6, 8, 10);
        double[][] x1 = r.draws("x1", 5);
        assertThat(x1).hasDimensions(3, 3);
        assertThat(x1[2]).containsExactly(6.02f, 8.02f, 10.02f);
        assertThat(r.draws("energy", 5)[1]).containsExactly(12, 16, 20);
        assertThat(r.trace("x0", 1)).containsExactly(0.01f, 2.01f, 4.01f, 6.01f, 8.01f, 10.01f);
        assertThat(ChainRecord.bytes(3, 2, 10, 2)).isEqualTo(4L * 3 * 3 * 6);
    }

    @Test
    void imageSamplesKeepSnapshotsAndOnlyTheEnergy(@TempDir Path tmp) throws Exception {
        long[] shape = {1, 4, 4};
        ChainRecord r = new ChainRecord(6, shape, 14, 1, true);
        for (int t = 0; t <= 14; t++) {
            r.record(t, state(6, shape, t));
        }
        assertThat(r.quantities()).containsExactly("energy");
        assertThat(r.coordinates()).isZero();
        assertThat(r.snapshotTimes()).containsExactly(0, 2, 4, 6, 8, 10, 12, 14);
        List<double[][]> snaps = r.snapshots();
        assertThat(snaps).hasSize(8);
        assertThat(snaps.get(3)).hasDimensions(ChainRecord.SNAPSHOT_CHAINS, 16);
        assertThat(snaps.get(3)[2][7]).isCloseTo(6.02, org.assertj.core.api.Assertions.within(1e-6));

        // every pixel of a snapshot equals its step (+ chain/100): the first column is black, the last white
        Path png = tmp.resolve("chain.png");
        ChainPlots.imageSnapshots(snaps, r.snapshotTimes(), shape, "test", png);
        BufferedImage img = ImageIO.read(png.toFile());
        int cell = 96 + 6;
        int first = img.getRGB(70 + 48, 56 + 48) & 0xff;
        int middle = img.getRGB(70 + 3 * cell + 48, 56 + 48) & 0xff;
        int last = img.getRGB(70 + 7 * cell + 48, 56 + 48) & 0xff;
        assertThat(first).isZero();
        assertThat(middle).isCloseTo((int) Math.round(255 * 6 / 14.03), org.assertj.core.api.Assertions.within(1));
        assertThat(last).isGreaterThanOrEqualTo(254);
    }

    @Test
    void twoDimensionalPathsAreCutToAboutThreeWidthsOfTheSamples() {
        double[][] finals = {{-2, -2}, {2, 2}}; // width 4
        assertThat(ChainPictures.pathWindow(List.<double[][]>of(walk(500, 0.1)), finals)).isEqualTo(100); // 121, capped
        assertThat(ChainPictures.pathWindow(List.<double[][]>of(walk(500, 1.0)), finals)).isEqualTo(13);
        assertThat(ChainPictures.pathWindow(List.<double[][]>of(walk(500, 10.0)), finals)).isEqualTo(10);
        assertThat(ChainPictures.pathWindow(List.<double[][]>of(walk(6, 1.0)), finals)).isEqualTo(6);
    }

    /** A path of n points moving {@code step} along x0 at every step. */
    private static double[][] walk(int n, double step) {
        double[][] p = new double[n][];
        for (int j = 0; j < n; j++) {
            p[j] = new double[] {j * step, 0};
        }
        return p;
    }
}
