package dev.ebm.runner.eval;

import dev.ebm.api.Box;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.ToyDensity;
import dev.ebm.runner.train.StepWorkspace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores a 2-D energy against a toy density with an exact log-density (DESIGN.md, "Conventions"):
 * log Z by a {@code grid × grid} midpoint rule over the data's box widened by 25 % on each side; {@code nll} the
 * mean −log p_θ over fresh data points; {@code kl} = mean(log p_data − log p_θ) over the same points (KL(p_data‖p_θ)
 * in nats); {@code borderMass} the share of the grid's mass in its outer 5 % band.
 *
 * @param energyGrid E on the grid, {@code [grid][grid]} indexed [ix][iy]
 * @param dataLogDensity exact log p_data on the same grid
 */
public record ToyEvaluation(double nll, double kl, double borderMass, double logZ, double dataEntropy,
        Box box, int grid, double[][] energyGrid, double[][] dataLogDensity) {

    public static ToyEvaluation evaluate(EnergyFunction energy, ToyDensity data, DataType dtype, int grid,
            int points, Rng rng) {
        if (data.bounds().dim() != 2) {
            throw new IllegalArgumentException("grid evaluation needs 2-D data, found " + data.bounds().dim() + "-D");
        }
        Box box = data.bounds().widen(0.25);
        double dx = (box.high()[0] - box.low()[0]) / grid;
        double dy = (box.high()[1] - box.low()[1]) / grid;
        double[] coords = new double[grid * grid * 2];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                int k = (i * grid + j) * 2;
                coords[k] = box.low()[0] + (i + 0.5) * dx;
                coords[k + 1] = box.low()[1] + (j + 0.5) * dy;
            }
        }
        INDArray gridPoints = Nd4j.createFromArray(coords).reshape(grid * grid, 2);
        Target target = Target.of(energy);
        double[] e = energies(target, gridPoints.castTo(dtype));
        double[] logp = data.logDensity(gridPoints);
        double min = Double.POSITIVE_INFINITY;
        for (double v : e) {
            min = Math.min(min, v);
        }
        double total = 0;
        double border = 0;
        int band = Math.max(1, (int) Math.round(0.05 * grid));
        double[][] eg = new double[grid][grid];
        double[][] dg = new double[grid][grid];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                double v = e[i * grid + j];
                eg[i][j] = v;
                dg[i][j] = logp[i * grid + j];
                double w = Math.exp(-(v - min));
                total += w;
                if (i < band || j < band || i >= grid - band || j >= grid - band) {
                    border += w;
                }
            }
        }
        double logZ = -min + Math.log(total) + Math.log(dx * dy);
        INDArray x = data.batch(points, rng, DataType.DOUBLE);
        double[] ex = energies(target, x.castTo(dtype));
        double[] lp = data.logDensity(x);
        double meanE = 0;
        double meanLogP = 0;
        for (int k = 0; k < points; k++) {
            meanE += ex[k] / points;
            meanLogP += lp[k] / points;
        }
        double nll = meanE + logZ;
        return new ToyEvaluation(nll, meanLogP + nll, border / total, logZ, -meanLogP, box, grid, eg, dg);
    }

    private static double[] energies(Target target, INDArray x) {
        int n = (int) x.size(0);
        double[] out = new double[n];
        int chunk = 8192;
        for (int s = 0; s < n; s += chunk) {
            int len = Math.min(chunk, n - s);
            INDArray part = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(s, s + len),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            // each chunk's temporaries in a reused workspace: freed by the garbage collector they raised the
            // resident size of a toy run's final evaluation by some 200 MB
            try (MemoryWorkspace ws = StepWorkspace.open("toy-eval")) {
                double[] e = target.energies(part).castTo(DataType.DOUBLE).toDoubleVector();
                System.arraycopy(e, 0, out, s, len);
            }
        }
        return out;
    }
}
