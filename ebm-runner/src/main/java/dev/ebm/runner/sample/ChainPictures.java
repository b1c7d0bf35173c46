package dev.ebm.runner.sample;

import dev.ebm.runner.report.ChainPlots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Chooses and draws {@code chain.png} from a run's record by the shape of its samples. */
final class ChainPictures {
    /** Most and fewest recorded points of each 2-D path drawn, from the start. */
    static final int MAX_PATH_POINTS = 100;
    static final int MIN_PATH_POINTS = 10;

    private ChainPictures() {}

    static void write(ChainRecord record, INDArray finalX, double[] finalEnergy, long[] sampleShape, int steps,
            Path png) {
        int chains = (int) finalX.size(0);
        int shown = Math.min(SampleRun.PLOTTED_CHAINS, chains);
        int[] times = record.times().stream().mapToInt(Integer::intValue).toArray();
        String over = " over " + steps + " steps";
        if (sampleShape.length >= 2) {
            ChainPlots.imageSnapshots(record.snapshots(), record.snapshotTimes(), sampleShape,
                    "Snapshots of " + Math.min(ChainRecord.SNAPSHOT_CHAINS, chains) + " chains" + over, png);
            return;
        }
        int coords = record.coordinates();
        if (coords == 1) {
            double[] finals = finite(finalX.reshape(chains).castTo(DataType.DOUBLE).toDoubleVector());
            List<double[]> paths = new ArrayList<>();
            for (int c = 0; c < shown; c++) {
                paths.add(record.trace("x0", c));
            }
            ChainPlots.trajectories1d(finals, times, paths, "x", "Final samples of " + chains + " chains", png);
        } else if (coords >= 2) {
            double[] flat = finalX.castTo(DataType.DOUBLE).reshape('c', new long[] {(long) chains * coords})
                    .toDoubleVector();
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < chains; i++) {
                double a = flat[i * coords];
                double b = flat[i * coords + 1];
                if (Double.isFinite(a) && Double.isFinite(b)) {
                    points.add(new double[] {a, b});
                }
            }
            double[][] xy = points.toArray(new double[0][]);
            List<double[][]> full = new ArrayList<>();
            for (int c = 0; c < shown; c++) {
                double[] a = record.trace("x0", c);
                double[] b = record.trace("x1", c);
                double[][] p = new double[a.length][];
                for (int j = 0; j < a.length; j++) {
                    p[j] = new double[] {a[j], b[j]};
                }
                full.add(p);
            }
            // contiguous paths from the start, as long as keeps them readable (a whole long run is a scribble)
            int shownPoints = pathWindow(full, xy);
            List<double[][]> paths = new ArrayList<>();
            for (double[][] p : full) {
                paths.add(java.util.Arrays.copyOf(p, shownPoints));
            }
            String title = "Paths of " + shown + " chains, steps 0-" + times[shownPoints - 1] + " of " + steps
                    + (coords > 2 ? " (x0, x1 of " + coords + " coordinates)" : "");
            ChainPlots.trajectories2d(paths, xy, "x0", "x1", title, png);
        } else {
            List<double[]> paths = new ArrayList<>();
            for (int c = 0; c < shown; c++) {
                paths.add(record.trace("energy", c));
            }
            ChainPlots.energyTraces(finite(finalEnergy), times, paths, "Energy of " + shown + " chains" + over, png);
        }
    }

    /**
     * How many leading points of the paths to draw: about three widths of the cloud of final samples walked at the
     * paths' mean step length, within [10, 100] points.
     */
    static int pathWindow(List<double[][]> paths, double[][] finals) {
        int n = paths.isEmpty() ? 0 : paths.get(0).length;
        if (n <= MIN_PATH_POINTS || finals.length < 2) {
            return Math.min(n, MAX_PATH_POINTS);
        }
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] f : finals) {
            for (int d = 0; d < 2; d++) {
                lo[d] = Math.min(lo[d], f[d]);
                hi[d] = Math.max(hi[d], f[d]);
            }
        }
        double width = ((hi[0] - lo[0]) + (hi[1] - lo[1])) / 2;
        double sum = 0;
        int count = 0;
        for (double[][] p : paths) {
            for (int j = 1; j < Math.min(p.length, MAX_PATH_POINTS + 1); j++) {
                double step = Math.hypot(p[j][0] - p[j - 1][0], p[j][1] - p[j - 1][1]);
                if (Double.isFinite(step)) {
                    sum += step;
                    count++;
                }
            }
        }
        double meanStep = count == 0 ? 0 : sum / count;
        long points = meanStep > 0 ? Math.round(3 * width / meanStep) + 1 : MAX_PATH_POINTS;
        return (int) Math.min(n, Math.max(MIN_PATH_POINTS, Math.min(MAX_PATH_POINTS, points)));
    }

    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }
}
