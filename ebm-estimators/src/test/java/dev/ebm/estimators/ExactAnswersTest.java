package dev.ebm.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.estimators.ais.AisOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each estimator against the exact log Z of tempered and offset analytic energies (log Z far from 0) in d = 2, 10
 * and 50, over 30 repetitions with fresh exact model samples and proposal draws: the mean error is within 3 standard
 * errors of the mean (computed from the estimator's own reported standard errors), and the reported standard errors
 * match the spread of the estimates within a factor of 2. Reverse importance sampling is tested apart
 * ({@link ReverseImportanceFailureTest}).
 */
class ExactAnswersTest {
    static final int REPS = 30;
    static final int N = 400;

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int d : new int[] {2, 10, 50}) {
            out.add(Arguments.of("gaussian", d, Fixtures.gaussian(d), "gaussian"));
            out.add(Arguments.of("mixture", d, Fixtures.mixture(d), "mixture:3"));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} d={1}")
    @MethodSource("cases")
    void meanErrorIsWithinThreeReportedStandardErrors(String name, int d, String json, String proposal) {
        EnergyFunction e = Fixtures.energy(json);
        double truth = Fixtures.truth(e);
        CountingEnergy ce = CountingEnergy.of(e);
        Rng rng = new Rng(1000 + d);
        SuiteOptions opt = new SuiteOptions(List.of(ProposalChoice.parse(proposal), ProposalChoice.parse(proposal
                + "*1.3")), N, AisOptions.defaults(), 100, null);
        LogZSuite suite = new LogZSuite(ce, e.sampleShape(), Fixtures.F64, Fixtures.exact(e, N, rng.split()),
                Fixtures.exact(e, 4000, rng.split()), opt, Fixtures.REGISTRY);
        suite.proposals(rng.split());
        List<String> methods = List.of("is", "mis", "bridge", "rlr");
        Map<String, double[]> est = new LinkedHashMap<>();
        Map<String, double[]> se = new LinkedHashMap<>();
        for (String m : methods) {
            est.put(m, new double[REPS]);
            se.put(m, new double[REPS]);
        }
        for (int r = 0; r < REPS; r++) {
            LogZSuite rep = suite.withModel(Fixtures.exact(e, N, rng.split()));
            for (String m : methods) {
                LogZEstimate x = rep.estimate(m, rng.split());
                est.get(m)[r] = x.logZ();
                se.get(m)[r] = x.stderr();
            }
        }
        for (String m : methods) {
            Summary s = Summary.of(est.get(m), se.get(m), truth);
            System.out.printf("%s d=%d %-6s truth %9.4f  mean error %+.4f  sd %.4f  mean stderr %.4f  z %+.2f%n",
                    name, d, m, truth, s.bias(), s.sd(), s.rmsStderr(), s.z());
            assertThat(Math.abs(s.z())).as("%s d=%d %s: |mean error| / (rms stderr / sqrt(%d))", name, d, m, REPS)
                    .isLessThanOrEqualTo(3.0);
            assertThat(s.sd() / s.rmsStderr()).as("%s d=%d %s: spread / reported stderr", name, d, m)
                    .isBetween(0.5, 2.0);
        }
    }

    /** Bias, spread and calibration of repeated estimates. */
    record Summary(double bias, double sd, double rmsStderr, double z) {
        static Summary of(double[] est, double[] se, double truth) {
            int n = est.length;
            double mean = 0;
            double ms = 0;
            for (int i = 0; i < n; i++) {
                mean += est[i] / n;
                ms += se[i] * se[i] / n;
            }
            double var = 0;
            for (double v : est) {
                var += (v - mean) * (v - mean) / (n - 1);
            }
            double rms = Math.sqrt(ms);
            return new Summary(mean - truth, Math.sqrt(var), rms, (mean - truth) / (rms / Math.sqrt(n)));
        }
    }
}
