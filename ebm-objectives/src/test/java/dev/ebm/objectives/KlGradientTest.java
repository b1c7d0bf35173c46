package dev.ebm.objectives;

import static dev.ebm.objectives.Setup.batch;
import static dev.ebm.objectives.Setup.entropy;
import static dev.ebm.objectives.Setup.finiteDifferences;
import static dev.ebm.objectives.Setup.frozen;
import static dev.ebm.objectives.Setup.gradient;
import static dev.ebm.objectives.Setup.kernel;
import static dev.ebm.objectives.Setup.maxAbs;
import static dev.ebm.objectives.Setup.meanEnergy;
import static dev.ebm.objectives.Setup.minus;
import static dev.ebm.objectives.Setup.mlp;
import static dev.ebm.objectives.Setup.term;
import static dev.ebm.objectives.Setup.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.Chains;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.TrainBatch;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradients of {@code cd} and {@code kl-aux} in θ against central finite differences taken through the sampling
 * chain: each difference re-runs unadjusted Langevin from the same start with the same generator (so the same
 * noise) at θ ± h, and evaluates the loss with an independent plain-Java entropy estimate, Ω held at θ₀.
 */
class KlGradientTest {
    static final double H = 1e-6;
    static final int STEPS = 4;
    static final String ULA = "{\"type\":\"langevin\",\"steps\":" + STEPS + ",\"stepSize\":0.1,\"noise\":0.1}";
    private static DataType savedDefault;

    @BeforeAll
    static void doubles() {
        savedDefault = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restore() {
        Nd4j.setDefaultDataTypes(savedDefault, savedDefault);
    }

    /** The memory the term holds after one earlier batch: the reference set the next estimate uses. */
    static INDArray feedMemory(ObjectiveTerm term, EnergyFunction e, SamplerKernel k, long seed) {
        INDArray x = uniform(16, 2, seed);
        term.loss(batch(e, k, x, x, seed + 1, term.replaySteps()));
        return term.state().get("samples");
    }

    @Test
    void cdGradientIsCdStarPlusTheKlTermDifferentiatedThroughTheWholeChain() {
        EnergyFunction e = mlp("[6,6]", 2, 21);
        SamplerKernel k = kernel(ULA);
        ObjectiveTerm cd = term("{\"type\":\"cd\",\"entropy\":{\"buffer\":10}}");
        ObjectiveTerm ml = term("{\"type\":\"ml\"}");
        assertThat(cd.replaySteps()).isEqualTo(Integer.MAX_VALUE);
        INDArray mem = feedMemory(cd, e, k, 30);
        assertThat(mem.size(0)).isEqualTo(10);

        INDArray xPos = uniform(16, 2, 22);
        TrainBatch b = batch(e, k, xPos, xPos, 24, cd.replaySteps()); // chains start at the data
        double[] g = gradient(cd, b);
        double[] gCdStar = gradient(ml, b);
        ParameterSet omega = frozen(e);
        INDArray xNeg0 = b.xNeg().value().dup();
        double[] fdKl = finiteDifferences(e, () -> {
            INDArray xK = Chains.run(k, Target.of(e), xPos, new Rng(24)).end().x();
            return entropy(xK, mem) - meanEnergy(e, xK, omega);
        }, H);
        double[] fd = finiteDifferences(e, () -> {
            INDArray xK = Chains.run(k, Target.of(e), xPos, new Rng(24)).end().x();
            return meanEnergy(e, xPos, e.parameters()) - meanEnergy(e, xNeg0, e.parameters())
                    + entropy(xK, mem) - meanEnergy(e, xK, omega);
        }, H);
        assertClose("cd", g, fd);
        double[] kl = minus(g, gCdStar);
        assertClose("cd's KL term", kl, fdKl);
        // the KL term is not negligible next to CD*, so the comparison above can fail
        assertThat(maxAbs(kl)).isGreaterThan(0.05 * maxAbs(gCdStar));
    }

    @Test
    void klAuxGradientMatchesFiniteDifferencesThroughTheChain() {
        EnergyFunction e = mlp("[6,6]", 2, 41);
        SamplerKernel k = kernel(ULA);
        ObjectiveTerm klAux = term("{\"type\":\"kl-aux\",\"backpropSteps\":" + STEPS
                + ",\"entropy\":{\"weight\":0.7,\"buffer\":10}}");
        INDArray mem = feedMemory(klAux, e, k, 50);
        INDArray x0 = uniform(16, 2, 42);
        TrainBatch b = batch(e, k, uniform(16, 2, 43), x0, 44, klAux.replaySteps());
        double[] g = gradient(klAux, b);
        ParameterSet omega = frozen(e);
        double[] fd = finiteDifferences(e, () -> {
            INDArray xK = Chains.run(k, Target.of(e), x0, new Rng(44)).end().x();
            return meanEnergy(e, xK, omega) - 0.7 * entropy(xK, mem);
        }, H);
        assertClose("kl-aux du2020", g, fd);
        assertThat(maxAbs(g)).isGreaterThan(1e-3);
    }

    @Test
    void flippingTheSignFlipsTheKlGradientExactly() {
        EnergyFunction e = mlp("[6,6]", 2, 61);
        SamplerKernel k = kernel(ULA);
        INDArray xPos = uniform(16, 2, 62);
        TrainBatch b = batch(e, k, xPos, xPos, 63, Integer.MAX_VALUE);
        String rest = ",\"backpropSteps\":0,\"entropy\":{\"weight\":1,\"buffer\":0}}";
        double[] du = gradient(term("{\"type\":\"kl-aux\",\"sign\":\"du2020\"" + rest), b);
        double[] cdSign = gradient(term("{\"type\":\"kl-aux\",\"sign\":\"cd\"" + rest), b);
        assertThat(maxAbs(du)).isGreaterThan(1e-3);
        for (int i = 0; i < du.length; i++) {
            assertThat(cdSign[i]).as("element %d", i).isEqualTo(-du[i]);
        }
        // and kl-aux with the cd sign is exactly the KL term that cd adds to CD*
        double[] cd = gradient(term("{\"type\":\"cd\",\"entropy\":{\"buffer\":0}}"), b);
        double[] cdStar = gradient(term("{\"type\":\"ml\"}"), b);
        double[] kl = minus(cd, cdStar);
        for (int i = 0; i < kl.length; i++) {
            assertThat(kl[i]).as("element %d", i).isCloseTo(cdSign[i], within(1e-12 * (1 + Math.abs(cdSign[i]))));
        }
    }

    /**
     * With backpropSteps b < K the gradient is the finite difference of a chain whose first K − b steps run at θ₀
     * (frozen) and whose last b steps run at θ ± h with the same noise; it differs from the full-chain derivative.
     */
    @Test
    void fewerBackpropStepsDifferentiateThroughTheLastStepsOnly() {
        EnergyFunction e = mlp("[6,6]", 2, 81);
        int steps = 6;
        int b = 2;
        SamplerKernel k = kernel("{\"type\":\"langevin\",\"steps\":" + steps + ",\"stepSize\":0.1,\"noise\":0.1}");
        ObjectiveTerm klAux = term("{\"type\":\"kl-aux\",\"backpropSteps\":" + b + ",\"entropy\":{\"buffer\":0}}");
        assertThat(klAux.replaySteps()).isEqualTo(b);
        INDArray x0 = uniform(16, 2, 82);
        TrainBatch batch = batch(e, k, x0, x0, 83, klAux.replaySteps());
        assertThat(batch.chains().trace().steps()).isEqualTo(b);
        double[] g = gradient(klAux, batch);
        ParameterSet omega = frozen(e);

        Rng rng = new Rng(83);
        INDArray frozenPart = Chains.run(k, Target.of(e), x0, steps - b, rng, List.of(), 0).end().x();
        long[] afterFrozen = rng.state();
        double[] fd = finiteDifferences(e, () -> {
            INDArray xK = Chains.run(k, Target.of(e), frozenPart, b, Rng.fromState(afterFrozen), List.of(), 0)
                    .end().x();
            return meanEnergy(e, xK, omega) - entropy(xK, null);
        }, H);
        assertClose("kl-aux through the last 2 of 6 steps", g, fd);

        double[] fdAll = finiteDifferences(e, () -> {
            INDArray xK = Chains.run(k, Target.of(e), x0, new Rng(83)).end().x();
            return meanEnergy(e, xK, omega) - entropy(xK, null);
        }, H);
        assertThat(maxAbs(minus(fdAll, fd))).as("the full chain's derivative differs")
                .isGreaterThan(0.1 * maxAbs(fd));
    }

    static void assertClose(String what, double[] analytic, double[] fd) {
        assertThat(analytic).hasSameSizeAs(fd);
        double worst = 0;
        for (int i = 0; i < fd.length; i++) {
            double err = Math.abs(analytic[i] - fd[i]) / (1e-4 + Math.abs(fd[i]));
            worst = Math.max(worst, err);
            assertThat(analytic[i]).as("%s: parameter element %d", what, i)
                    .isCloseTo(fd[i], within(1e-7 + 1e-5 * Math.abs(fd[i])));
        }
        System.out.printf("[kl] %s: %d parameters, max |g| %.3g, worst error relative to (1e-4 + |fd|) %.2e%n", what,
                fd.length, maxAbs(fd), worst);
    }
}
