package dev.ebm.data.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Rng;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Rings whose radial noise often crosses the origin: the folded term p_r(−ρ) of the density matters, and is checked
 * in polar coordinates (the 2-D grid would need to resolve the 1/ρ singularity at the origin).
 */
class RingsTest {
    private static final GaussLegendre GL = new GaussLegendre(16);

    /** ∫ 2πρ·p(ρ) dρ over [a, b], composite Gauss–Legendre in 64 panels. */
    private static double radialMass(DoubleUnaryOperator p, double a, double b) {
        int panels = 64;
        double h = (b - a) / panels;
        double sum = 0;
        for (int k = 0; k < panels; k++) {
            for (int q = 0; q < GL.nodes.length; q++) {
                double r = a + (k + 0.5) * h + 0.5 * h * GL.nodes[q];
                sum += 0.5 * h * GL.weights[q] * 2 * Math.PI * r * p.applyAsDouble(r);
            }
        }
        return sum;
    }

    @Test
    void foldedRingDensityIsNormalisedAndMatchesSampledRadii() {
        Rings rings = new Rings(List.of(0.2), 0.5);
        DoubleUnaryOperator p = r -> Math.exp(rings.logDensity(r * Math.cos(1.0), r * Math.sin(1.0)));
        double total = radialMass(p, 0, 6);
        System.out.printf("rings radius 0.2 std 0.5: integral of p in polar coordinates %.12f%n", total);
        assertThat(total).isCloseTo(1.0, within(1e-9));

        // without the folded term (renormalised), the density would be wrong: the chi-square test must see it
        DoubleUnaryOperator unfolded = r -> Math.exp(-0.5 * (r - 0.2) * (r - 0.2) / 0.25) / (0.5 * Math.sqrt(2 * Math.PI))
                / (2 * Math.PI * r);
        double unfoldedMass = radialMass(unfolded, 0, 6);

        int bins = 22;
        double width = 0.1;
        double[] xy = rings.batch(200_000, new Rng(99), DataType.DOUBLE).data().asDouble();
        long[] counts = new long[bins + 1];
        for (int k = 0; k < xy.length; k += 2) {
            int b = (int) (Math.hypot(xy[k], xy[k + 1]) / width);
            counts[Math.min(b, bins)]++;
        }
        double[] probs = new double[bins];
        double[] wrong = new double[bins];
        for (int b = 0; b < bins; b++) {
            probs[b] = radialMass(p, b * width, (b + 1) * width);
            wrong[b] = radialMass(unfolded, b * width, (b + 1) * width) / unfoldedMass;
        }
        double pValue = GoodnessOfFit.pValue(probs, counts);
        double pWrong = GoodnessOfFit.pValue(wrong, counts);
        System.out.printf("rings radius 0.2 std 0.5: radial chi-square p-value %.4f; without the folded term %.3g%n",
                pValue, pWrong);
        assertThat(pValue).isGreaterThan(1e-4);
        assertThat(pWrong).isLessThan(1e-6);
    }

    @Test
    void densityIsIsotropicAndPeaksOnTheRings() {
        Rings rings = new Rings(List.of(1.0, 2.0), 0.1);
        assertThat(rings.logDensity(0, 1.5)).isCloseTo(rings.logDensity(1.5 / Math.sqrt(2), -1.5 / Math.sqrt(2)),
                within(1e-12));
        // on ring k: (1/2)·N(0; 0, σ²)/(2π r_k), the other ring and the folded terms being negligible
        double onRing = Math.log(0.5 / (0.1 * Math.sqrt(2 * Math.PI)) / (2 * Math.PI * 2.0));
        assertThat(rings.logDensity(2.0, 0)).isCloseTo(onRing, within(1e-12));
    }
}
