package dev.ebm.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.estimators.proposal.GaussianProposal;
import dev.ebm.estimators.sampling.ReverseImportanceSampling;
import org.junit.jupiter.api.Test;

/**
 * Reverse importance sampling (the harmonic mean) fails when the proposal's tails are heavier than the model's:
 * q = N(μ, s²Σ) against p = N(μ, Σ) gives terms q/p with finite variance only for s² &lt; 2. With s = 1.6 in 10
 * dimensions the estimate is biased upwards by many of its own standard errors, which look small, and the Pareto
 * k̂ flags it; with s = 0.8 (lighter tails) the same estimator is calibrated.
 */
class ReverseImportanceFailureTest {
    private static final int REPS = 30;
    private static final int N = 400;

    private static ExactAnswersTest.Summary run(double scale, int[] flagged) {
        EnergyFunction e = Fixtures.energy(Fixtures.gaussian(10));
        CountingEnergy ce = CountingEnergy.of(e);
        Rng rng = new Rng(77);
        GaussianProposal q = GaussianProposal.fit(Fixtures.exact(e, 20_000, rng.split()).x(), scale);
        double[] est = new double[REPS];
        double[] se = new double[REPS];
        for (int r = 0; r < REPS; r++) {
            LogZEstimate x = ReverseImportanceSampling.run(ce, q, Fixtures.exact(e, N, rng.split()).x(),
                    e.sampleShape(), Fixtures.F64);
            est[r] = x.logZ();
            se[r] = x.stderr();
            if (x.warnings().stream().anyMatch(w -> w.startsWith("Pareto k-hat"))) {
                flagged[0]++;
            }
        }
        ExactAnswersTest.Summary s = ExactAnswersTest.Summary.of(est, se, Fixtures.truth(e));
        System.out.printf("ris scale %.1f: mean error %+.4f  sd %.4f  mean stderr %.4f  z %+.2f  flagged %d/%d%n",
                scale, s.bias(), s.sd(), s.rmsStderr(), s.z(), flagged[0], REPS);
        return s;
    }

    @Test
    void heavyTailedTermsBiasTheEstimateFarBeyondItsReportedStandardError() {
        int[] flagged = {0};
        ExactAnswersTest.Summary wide = run(1.6, flagged);
        assertThat(wide.bias()).isGreaterThan(0.2);
        assertThat(wide.z()).isGreaterThan(5);
        assertThat(flagged[0]).isGreaterThanOrEqualTo(REPS / 2);
    }

    @Test
    void lightTailedProposalsKeepItCalibrated() {
        int[] flagged = {0};
        ExactAnswersTest.Summary narrow = run(0.8, flagged);
        assertThat(Math.abs(narrow.z())).isLessThanOrEqualTo(3);
        assertThat(narrow.sd() / narrow.rmsStderr()).isBetween(0.5, 2.0);
        assertThat(flagged[0]).isLessThanOrEqualTo(REPS / 10);
    }
}
