package dev.ebm.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.estimators.proposal.GaussianProposal;
import dev.ebm.estimators.unified.Equivalence;
import dev.ebm.estimators.unified.Equivalences;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Equivalences}, the check {@code bin/ebm logz --equivalence} prints, on the Gaussians of the exact-answer
 * tests in d = 2 and 10: every pair agrees to solver tolerance (far below its Monte Carlo error), and each value
 * is an estimate of the truth.
 */
class UnifiedViewReportTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 10})
    void everyPairAgreesToSolverToleranceOnTheSameSamples(int d) {
        EnergyFunction model = Fixtures.energy(Fixtures.gaussian(d));
        INDArray x = Fixtures.exact(model, 500, new Rng(d)).x();
        GaussianProposal q = GaussianProposal.fit(Fixtures.exact(model, 2000, new Rng(100 + d)).x(), 1.2);
        List<Equivalence> rows = Equivalences.check(model, new long[] {d}, Fixtures.F64, x, List.of(q,
                q.scaled(1.5)), Fixtures.REGISTRY, new Rng(7));
        assertThat(rows).extracting(Equivalence::left).containsExactly("rlr", "bridge(nu=1e40)",
                "bridge(nu=1e-40)", "nce", "rlr(vardi)", "rlr");
        double truth = Fixtures.truth(model);
        for (Equivalence e : rows) {
            System.out.printf("d=%d %-75s diff %+.1e stderr %.4f%n", d, e.relation(), e.difference(), e.stderr());
            assertThat(Math.abs(e.difference())).as(e.relation()).isLessThan(1e-8);
            assertThat(e.stderr()).as(e.relation()).isGreaterThan(1e-4);
            // reverse IS's standard error is not an error bar (see ReverseImportanceFailureTest)
            if (!e.right().equals("ris")) {
                assertThat(Math.abs(e.rightLogZ() - truth)).as(e.relation()).isLessThan(5 * e.stderr());
            }
        }
    }
}
