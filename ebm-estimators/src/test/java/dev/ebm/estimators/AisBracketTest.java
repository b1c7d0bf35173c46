package dev.ebm.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.estimators.ais.AisOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forward AIS is a lower bound on log Z in expectation and reverse AIS from exact samples an upper bound: with a
 * short schedule (a visible gap), the means over repetitions bracket the exact answer. Reverse AIS from samples that
 * are not exact is labelled heuristic.
 */
class AisBracketTest {
    private static final int REPS = 12;

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "mixture"})
    void forwardAndReverseBracketTheTruthOnAverage(String kind) throws Exception {
        int d = kind.equals("gaussian") ? 10 : 2;
        EnergyFunction e = Fixtures.energy(kind.equals("gaussian") ? Fixtures.gaussian(d) : Fixtures.mixture(d));
        double truth = Fixtures.truth(e);
        Rng rng = new Rng(500 + d);
        // a deliberately poor base (wide, single Gaussian) and few temperatures: the bounds are visibly apart
        SuiteOptions opt = new SuiteOptions(List.of(ProposalChoice.parse("gaussian*2")), 100,
                new AisOptions(15, 1, "sigmoid", 0.57), 40,
                new ObjectMapper().readTree("{\"type\":\"mala\",\"steps\":1,\"epsilon\":0.3}"));
        LogZSuite suite = new LogZSuite(CountingEnergy.of(e), e.sampleShape(), Fixtures.F64,
                Fixtures.exact(e, 40, rng.split()), Fixtures.exact(e, 2000, rng.split()), opt, Fixtures.REGISTRY);
        double[] fwd = new double[REPS];
        double[] rev = new double[REPS];
        double[] fwdSe = new double[REPS];
        double[] revSe = new double[REPS];
        for (int r = 0; r < REPS; r++) {
            LogZSuite rep = suite.withModel(Fixtures.exact(e, 40, rng.split()));
            LogZEstimate a = rep.estimate("ais", rng.split());
            LogZEstimate b = rep.estimate("rais", rng.split());
            fwd[r] = a.logZ();
            rev[r] = b.logZ();
            fwdSe[r] = a.stderr();
            revSe[r] = b.stderr();
            assertThat(b.warnings()).noneMatch(w -> w.startsWith("heuristic"));
        }
        ExactAnswersTest.Summary f = ExactAnswersTest.Summary.of(fwd, fwdSe, truth);
        ExactAnswersTest.Summary v = ExactAnswersTest.Summary.of(rev, revSe, truth);
        System.out.printf("%s d=%d truth %.4f: ais mean error %+.4f (sd %.4f), rais mean error %+.4f (sd %.4f)%n",
                kind, d, truth, f.bias(), f.sd(), v.bias(), v.sd());
        double fwdMeanSe = f.sd() / Math.sqrt(REPS);
        double revMeanSe = v.sd() / Math.sqrt(REPS);
        assertThat(f.bias()).as("forward AIS is low on average").isLessThanOrEqualTo(3 * fwdMeanSe);
        assertThat(v.bias()).as("reverse AIS is high on average").isGreaterThanOrEqualTo(-3 * revMeanSe);
        assertThat(v.bias() - f.bias()).as("the bracket is not empty").isGreaterThan(0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false})
    void reverseAisFromMcmcSamplesIsLabelledHeuristic(boolean exact) {
        EnergyFunction e = Fixtures.energy(Fixtures.gaussian(2));
        Rng rng = new Rng(3);
        Samples mcmc = new Samples(Fixtures.exact(e, 20, rng.split()).x(), exact, 0, 0, "mcmc");
        SuiteOptions opt = new SuiteOptions(List.of(ProposalChoice.parse("gaussian")), 50,
                new AisOptions(5, 1, "linear", 0.65), 20, null);
        LogZEstimate b = new LogZSuite(CountingEnergy.of(e), e.sampleShape(), Fixtures.F64, mcmc,
                Fixtures.exact(e, 500, rng.split()), opt, Fixtures.REGISTRY).estimate("rais", rng.split());
        assertThat(b.warnings()).anyMatch(w -> w.startsWith("heuristic"));
        assertThat(b.diagnostics().get("exact_start")).isEqualTo(0.0);
        assertThat(b.evaluations()).isPositive();
    }
}
