package dev.ebm.runner.chains;

import dev.ebm.api.EnergyFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The energy along straight lines from test images to uniform noise (Gagnon &amp; Lajoie 2022, section 6.1: a model
 * trained with true CD "erects high mountains on the border of the data manifold"). Line i joins test image x_i
 * (t = 0) to noise image u_i (t = 1); its {@code points} points are x_i + t_j (u_i − x_i), t_j = j/(points − 1).
 *
 * @param t the positions t_j along every line
 * @param energies {@code [line][point]} energies E(x_i + t_j (u_i − x_i))
 */
public record EnergyLines(double[] t, double[][] energies) {

    /**
     * Evaluates the energy on the lines from the rows of {@code from} to the rows of {@code to} (same shape
     * {@code [lines, ...]}; not modified).
     */
    public static EnergyLines of(EnergyFunction energy, INDArray from, INDArray to, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a line needs at least 2 points, found " + points);
        }
        int lines = (int) from.size(0);
        double[] t = new double[points];
        INDArray[] all = new INDArray[points];
        INDArray delta = to.sub(from);
        for (int j = 0; j < points; j++) {
            t[j] = (double) j / (points - 1);
            all[j] = from.add(delta.mul(t[j]));
        }
        double[] e = TestTimeChains.energies(energy, Nd4j.concat(0, all));
        double[][] out = new double[lines][points];
        for (int j = 0; j < points; j++) {
            for (int i = 0; i < lines; i++) {
                out[i][j] = e[j * lines + i];
            }
        }
        return new EnergyLines(t, out);
    }

    /** The mean energy at each point over the lines. */
    public double[] mean() {
        double[] m = new double[t.length];
        for (double[] line : energies) {
            for (int j = 0; j < t.length; j++) {
                m[j] += line[j] / energies.length;
            }
        }
        return m;
    }

    /** The standard deviation over the lines at each point (n − 1). */
    public double[] std() {
        double[] m = mean();
        double[] s = new double[t.length];
        for (double[] line : energies) {
            for (int j = 0; j < t.length; j++) {
                s[j] += (line[j] - m[j]) * (line[j] - m[j]) / Math.max(1, energies.length - 1);
            }
        }
        for (int j = 0; j < t.length; j++) {
            s[j] = Math.sqrt(s[j]);
        }
        return s;
    }

    /**
     * Per line, the height of its highest point above the higher of its two ends: max_j E_j − max(E_0, E_last),
     * ≥ 0; positive when the energy rises between the image and the noise and falls again (a mountain).
     */
    public double[] barriers() {
        double[] b = new double[energies.length];
        for (int i = 0; i < energies.length; i++) {
            double[] line = energies[i];
            double top = Double.NEGATIVE_INFINITY;
            for (double v : line) {
                top = Math.max(top, v);
            }
            b[i] = top - Math.max(line[0], line[line.length - 1]);
        }
        return b;
    }

    /** The share of lines whose highest point lies strictly between their ends. */
    public double interiorMaximumFraction() {
        int k = 0;
        for (double[] line : energies) {
            int arg = 0;
            for (int j = 1; j < line.length; j++) {
                if (line[j] > line[arg]) {
                    arg = j;
                }
            }
            if (arg > 0 && arg < line.length - 1) {
                k++;
            }
        }
        return energies.length == 0 ? Double.NaN : (double) k / energies.length;
    }
}
