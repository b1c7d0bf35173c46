package dev.ebm.data.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Point values of the closed-form densities. */
class ClosedFormTest {

    @Test
    void eightGaussiansAtAMeanIsOneEighthOfAGaussianPeak() {
        EightGaussians d = new EightGaussians(2, 0.2);
        double peak = -Math.log(8) - Math.log(2 * Math.PI * 0.04);
        // the neighbouring means are 2·2·sin(π/8) = 1.53 away: e^−29 of the peak
        assertThat(d.logDensity(0, 2)).isCloseTo(peak, within(1e-11));
        assertThat(d.logDensity(Math.sqrt(2), -Math.sqrt(2))).isCloseTo(peak, within(1e-11));
        // far away: finite, the nearest component's tail
        assertThat(d.logDensity(40, 0)).isCloseTo(peak - 38 * 38 / 0.08, within(1e-9));
    }

    /** Square [i·size, (i+1)·size) × [j·size, (j+1)·size) is black when i + j is even (FFJORD's board). */
    @Test
    void checkerboardIsUniformOnItsBlackSquaresAndZeroElsewhere() {
        Checkerboard d = new Checkerboard(4, 2);
        double black = -Math.log(32);
        assertThat(d.logDensity(0.5, 0.5)).isEqualTo(black);
        assertThat(d.logDensity(-0.5, -0.5)).isEqualTo(black);
        assertThat(d.logDensity(-3.5, 0.5)).isEqualTo(black);
        assertThat(d.logDensity(3.5, 3.5)).isEqualTo(black);
        assertThat(d.logDensity(3.5, 1.5)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.logDensity(-0.5, 0.5)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.logDensity(2.5, -2.5)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.logDensity(4.5, 0.5)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.logDensity(0.5, -4.01)).isEqualTo(Double.NEGATIVE_INFINITY);
        Checkerboard small = new Checkerboard(2, 1);
        assertThat(small.logDensity(0.5, 0.5)).isEqualTo(Math.log(0.5));
        assertThat(small.logDensity(-0.5, -0.5)).isEqualTo(Math.log(0.5));
        assertThat(small.logDensity(0.5, -0.5)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
