package dev.ebm.data.toy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Box;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The curve densities' quadrature: converged, finite far away, fast on the evaluator's grid. */
class CurveQuadratureTest {

    /** {@code n × n} midpoints of {@code box}, flattened [n², 2]. */
    private static double[] grid(Box box, int n) {
        double[] xy = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                xy[2 * (i * n + j)] = box.low()[0] + (i + 0.5) * (box.high()[0] - box.low()[0]) / n;
                xy[2 * (i * n + j) + 1] = box.low()[1] + (j + 0.5) * (box.high()[1] - box.low()[1]) / n;
            }
        }
        return xy;
    }

    /**
     * Compares {@code coarse} with {@code fine} on a 120 × 120 grid over the bounds widened by 25 %: the largest
     * relative error of p where p is within e^−200 of its maximum, and the largest |Δ log p| / |log p| elsewhere.
     */
    private static double[] errors(NoisyCurves coarse, NoisyCurves fine) {
        Box box = coarse.bounds().widen(0.25);
        var x = Nd4j.createFromArray(grid(box, 120)).reshape(120 * 120, 2);
        double[] a = coarse.logDensity(x);
        double[] b = fine.logDensity(x);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : b) {
            max = Math.max(max, v);
        }
        double near = 0;
        double far = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isFinite();
            if (b[i] > max - 200) {
                near = Math.max(near, Math.abs(Math.expm1(a[i] - b[i])));
            } else {
                far = Math.max(far, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
            }
        }
        return new double[] {near, far};
    }

    private static void assertConverged(String name, NoisyCurves coarse, NoisyCurves fine) {
        double[] e = errors(coarse, fine);
        System.out.printf("%s: %d nodes; vs 4x finer panels: max relative error of p %.1e where p > e^-200 max p, "
                + "max relative error of log p %.1e elsewhere%n", name, coarse.nodes(), e[0], e[1]);
        assertThat(e[0]).isLessThan(1e-6);
        assertThat(e[1]).isLessThan(1e-4);
    }

    @Test
    void moonsQuadratureAgreesWithOneFourTimesFinerToOnePartInAMillion() {
        double fine = 4 * NoisyCurves.DEFAULT_PANELS_PER_STD;
        assertConverged("two-moons", new TwoMoons(0.1, true), new TwoMoons(0.1, true, fine));
        assertConverged("two-moons noise 0.02 unscaled", new TwoMoons(0.02, false), new TwoMoons(0.02, false, fine));
    }

    @Test
    void swissRollQuadratureAgreesWithOneFourTimesFinerToOnePartInAMillion() {
        double fine = 4 * NoisyCurves.DEFAULT_PANELS_PER_STD;
        assertConverged("swiss-roll", new SwissRoll(0.2, 0.2), new SwissRoll(0.2, 0.2, fine));
        assertConverged("swiss-roll noise 0.05", new SwissRoll(0.05, 0.2), new SwissRoll(0.05, 0.2, fine));
    }

    @Test
    void farFromTheCurvesTheLogDensityIsTheNearestGaussianTail() {
        TwoMoons moons = new TwoMoons(0.1, true);
        // 20 noise standard deviations above the top of the upper arc, (−1, 1.8) after rescaling
        double lp = moons.logDensity(-1, 1.8 + 4);
        assertThat(lp).isFinite().isLessThan(-190).isGreaterThan(-215);
    }

    @Test
    void theEvaluatorsGridTakesUnderTwoSeconds() {
        for (NoisyCurves d : new NoisyCurves[] {new TwoMoons(0.1, true), new SwissRoll(0.2, 0.2)}) {
            var x = Nd4j.createFromArray(grid(d.bounds().widen(0.25), 300)).reshape(300 * 300, 2);
            d.logDensity(x);
            long start = System.nanoTime();
            d.logDensity(x);
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: logDensity on a 300 x 300 grid in %.3f s%n", d.getClass().getSimpleName(), s);
            assertThat(s).isLessThan(2);
        }
    }
}
