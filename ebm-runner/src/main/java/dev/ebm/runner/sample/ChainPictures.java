package dev.ebm.runner.sample;

import dev.ebm.runner.report.ChainPlots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Chooses and draws {@code chain.png} from a run's record by the shape of its samples. */
final class ChainPictures {
    /** Recorded points of each 2-D path drawn, from the start. */
    static final int PATH_POINTS = 100;

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
            // contiguous paths from the start: a whole long run would be a scribble
            int shownPoints = Math.min(times.length, PATH_POINTS);
            List<double[][]> paths = new ArrayList<>();
            for (int c = 0; c < shown; c++) {
                double[] a = record.trace("x0", c);
                double[] b = record.trace("x1", c);
                double[][] p = new double[shownPoints][];
                for (int j = 0; j < shownPoints; j++) {
                    p[j] = new double[] {a[j], b[j]};
                }
                paths.add(p);
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

    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }
}
