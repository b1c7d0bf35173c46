package dev.ebm.data.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The pinwheel's change of variables, checked against an independent brute-force search for preimages. */
class PinwheelTest {
    private static final int K = 5;
    private static final double RS = 0.3;
    private static final double TS = 0.1;
    private static final double RATE = 0.25;
    private static final double SCALE = 2;

    /**
     * Brute force, independent of the monotone pieces: every β on a grid of {@code n} points where H(β) − target
     * crosses a multiple of 2π, refined by bisection; returns {log p, number of preimages}.
     */
    private static double[] bruteForce(double x, double y, int n) {
        double rho = Math.hypot(x, y) / SCALE;
        double phi = Math.atan2(y, x);
        double[] beta = new double[n + 1];
        double[] h = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            beta[i] = -Math.PI + 2 * Math.PI * i / n;
            h[i] = beta[i] - RATE * Math.exp(rho * Math.cos(beta[i]));
        }
        double sum = 0;
        int roots = 0;
        for (int k = 0; k < K; k++) {
            double target = phi + 2 * Math.PI * k / K;
            double prevG = wrap(h[0] - target);
            for (int i = 1; i <= n; i++) {
                double g = wrap(h[i] - target);
                // a sign change through 0, not the ±π jump of the wrap
                if ((prevG <= 0) != (g <= 0) && Math.abs(g - prevG) < Math.PI) {
                    double lo = beta[i - 1];
                    double hi = beta[i];
                    for (int it = 0; it < 100; it++) {
                        double mid = (lo + hi) / 2;
                        if ((wrapped(rho, mid, target) > 0) == (prevG > 0)) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    double b = (lo + hi) / 2;
                    double f0 = rho * Math.cos(b);
                    double f1 = rho * Math.sin(b);
                    double dh = 1 + RATE * rho * Math.sin(b) * Math.exp(rho * Math.cos(b));
                    double normal = Math.exp(-0.5 * ((f0 - 1) * (f0 - 1) / (RS * RS) + f1 * f1 / (TS * TS)))
                            / (2 * Math.PI * RS * TS);
                    sum += normal / (K * SCALE * SCALE * Math.abs(dh));
                    roots++;
                }
                prevG = g;
            }
        }
        return new double[] {Math.log(sum), roots};
    }

    private static double wrapped(double rho, double beta, double target) {
        return wrap(beta - RATE * Math.exp(rho * Math.cos(beta)) - target);
    }

    /** The representative of {@code a} modulo 2π in [−π, π]. */
    private static double wrap(double a) {
        return a - 2 * Math.PI * Math.rint(a / (2 * Math.PI));
    }

    /** Asserts agreement with the brute force at each point; returns the largest number of preimages seen. */
    private static int assertAgreesWithBruteForce(double[] xy, int n) {
        Pinwheel p = new Pinwheel(K, RS, TS, RATE, SCALE);
        double[] lp = p.logDensity(Nd4j.createFromArray(xy).reshape(xy.length / 2, 2));
        int mostRoots = 0;
        for (int i = 0; i < lp.length; i++) {
            double[] bf = bruteForce(xy[2 * i], xy[2 * i + 1], n);
            mostRoots = Math.max(mostRoots, (int) bf[1]);
            assertThat(lp[i]).as("log p at (%.17g, %.17g)", xy[2 * i], xy[2 * i + 1])
                    .isCloseTo(bf[0], within(1e-7 * Math.max(1, Math.abs(bf[0]))));
        }
        return mostRoots;
    }

    @Test
    void logDensityAgreesWithABruteForceSearchForPreimagesIncludingBeyondTheFolds() {
        double[] radii = {0.3, 1.0, 2.0, 2.8, 3.6, 5.0, 6.0};
        int angles = 7;
        double[] xy = new double[2 * radii.length * angles];
        for (int i = 0; i < radii.length; i++) {
            for (int j = 0; j < angles; j++) {
                double a = 0.3 + 2 * Math.PI * j / angles;
                xy[2 * (i * angles + j)] = radii[i] * Math.cos(a);
                xy[2 * (i * angles + j) + 1] = radii[i] * Math.sin(a);
            }
        }
        int mostRoots = assertAgreesWithBruteForce(xy, 400_000);
        System.out.printf("pinwheel: at most %d preimages (over %d classes) at the probed points%n", mostRoots, K);
        // far out the map folds: some points have more than one preimage per class
        assertThat(mostRoots).isGreaterThan(K);
    }

    @Test
    void logDensityAgreesWithABruteForceSearchAtRandomPoints() {
        double[] xy = new Pinwheel(K, RS, TS, RATE, SCALE).batch(1000, new Rng(17), DataType.DOUBLE).data().asDouble();
        Rng rng = new Rng(18);
        for (int i = 0; i < 1000; i += 2) {
            // half of them uniform over the evaluator's box, ±5.6
            xy[i] = 11.2 * rng.nextDouble() - 5.6;
            xy[i + 1] = 11.2 * rng.nextDouble() - 5.6;
        }
        // a point where Newton's method alone ping-pongs between the ends of its bracket
        xy[0] = 3.116519743640;
        xy[1] = 0.517090719797;
        assertAgreesWithBruteForce(xy, 50_000);
    }

    @Test
    void atTheOriginEveryClassContributesItsJacobianAtZero() {
        Pinwheel p = new Pinwheel(K, RS, TS, RATE, SCALE);
        double expected = -0.5 / (RS * RS) - Math.log(2 * Math.PI * RS * TS) - Math.log(SCALE * SCALE);
        assertThat(p.logDensity(0, 0)).isCloseTo(expected, within(1e-12));
        assertThat(p.logDensity(1e-9, 0)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void farBeyondTheWindingLimitTheLogDensityIsMinusInfinity() {
        Pinwheel p = new Pinwheel(K, RS, TS, RATE, SCALE);
        assertThat(p.logDensity(40, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(p.logDensity(20, 0)).isFinite();
    }
}
