package dev.ebm.runner.experiment;

import dev.ebm.api.Box;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How far each chain moved from its start, in the unit grey scale (the data's box mapped to [0, 1] per pixel, so
 * MNIST's [0, 1] and a [−1, 1] run read alike): the Euclidean distance ‖u(x_end) − u(x_start)‖₂ over all
 * pixels (at most √784 = 28 on MNIST) and the mean absolute change of a pixel.
 *
 * @param l2 per chain, the Euclidean distance
 * @param meanAbs per chain, the mean absolute pixel change
 */
record Distances(double[] l2, double[] meanAbs) {

    static Distances between(INDArray from, INDArray to, Box box) {
        int n = (int) from.size(0);
        int d = (int) (from.length() / n);
        double[] a = from.castTo(DataType.DOUBLE).dup('c').reshape(n, d).data().asDouble();
        double[] b = to.castTo(DataType.DOUBLE).dup('c').reshape(n, d).data().asDouble();
        double[] l2 = new double[n];
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            double m = 0;
            for (int j = 0; j < d; j++) {
                double w = box.high()[j] - box.low()[j];
                double diff = (b[i * d + j] - a[i * d + j]) / (w > 0 ? w : 1);
                s += diff * diff;
                m += Math.abs(diff);
            }
            l2[i] = Math.sqrt(s);
            abs[i] = m / d;
        }
        return new Distances(l2, abs);
    }
}
