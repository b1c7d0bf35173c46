package dev.ebm.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void everyMethodRuns() {
        for (String json : new String[] {Fixtures.gaussian(2), Fixtures.mixture(2), Fixtures.gaussian(50),
            Fixtures.mixture(50)}) {
            EnergyFunction e = Fixtures.energy(json);
            long[] shape = e.sampleShape();
            CountingEnergy ce = CountingEnergy.of(e);
            Rng rng = new Rng(1);
            var opts = new SuiteOptions(java.util.List.of(ProposalChoice.parse(json.contains("mixture")
                    ? "mixture:3" : "gaussian"), ProposalChoice.parse("gaussian*1.5")), 1000,
                    new dev.ebm.estimators.ais.AisOptions(50, 1, "sigmoid", 0.65), 100, null);
            LogZSuite suite = new LogZSuite(ce, shape, Fixtures.F64, Fixtures.exact(e, 1000, rng.split()),
                    Fixtures.exact(e, 3000, rng.split()), opts, Fixtures.REGISTRY);
            System.out.printf("d=%d truth %.4f%n", shape[0], Fixtures.truth(e));
            for (String m : LogZSuite.METHODS) {
                long t0 = System.nanoTime();
                LogZEstimate est = suite.estimate(m, rng.split());
                System.out.printf("  %-6s %.4f +- %.4f  evals %d  %.2fs %s %s%n", m, est.logZ(), est.stderr(),
                        est.evaluations(), (System.nanoTime() - t0) / 1e9, est.diagnostics(), est.warnings());
                assertThat(est.logZ()).isFinite();
            }
        }
    }
}
