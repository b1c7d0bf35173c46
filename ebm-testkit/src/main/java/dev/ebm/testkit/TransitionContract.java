package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every {@link Transition} must meet. Extend it in your plugin's tests:
 *
 * <pre>{@code
 * class MyTransitionContractTest extends TransitionContract {
 *     protected Transition transition() { return new MyTransition(0.5); }
 *     protected long[] sampleShape() { return new long[] {1, 8, 8}; }
 *     // when the transition has a strength whose zero means "do nothing":
 *     protected Transition atZeroStrength() { return new MyTransition(0.0); }
 * }
 * }</pre>
 *
 * <p>It checks that a transition returns a new array of the input's shape and data type (float32 and float64) and
 * leaves its input unchanged; that it is a function of the input and the {@link Rng} alone (the same generator state
 * gives the same output; for a stochastic transition another seed gives another output); and the properties it
 * declares: at zero strength it is the identity. Inputs are N(0, 1) draws of {@link #sampleShape()}.
 */
public abstract class TransitionContract {
    /** The transition under test, at a strength that moves samples. */
    protected abstract Transition transition();

    /** The shape of one sample the transition takes (images: {@code {C, H, W}}). */
    protected abstract long[] sampleShape();

    /** The same transition at zero strength, which must be the identity; null (the default) when it has none. */
    protected Transition atZeroStrength() {
        return null;
    }

    /** False for a transition that draws no randomness (e.g. a fixed flip). */
    protected boolean stochastic() {
        return true;
    }

    /** The seed of every check's generator. */
    protected long seed() {
        return 20_241_204L;
    }

    private INDArray inputs(DataType dtype) {
        long[] s = new long[sampleShape().length + 1];
        s[0] = 16;
        System.arraycopy(sampleShape(), 0, s, 1, sampleShape().length);
        return new Rng(seed() - 1).normal(dtype, s);
    }

    @Test
    public void theOutputIsANewArrayOfTheInputsShapeAndTheInputIsUnchanged() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray x = inputs(dtype);
            double[] before = Stats.doubles(x);
            INDArray y = transition().apply(x, new Rng(seed()));
            assertThat(y.shape()).as("shape of the output for %s input", dtype).containsExactly(x.shape());
            assertThat(y.dataType()).as("data type of the output").isEqualTo(dtype);
            assertThat(Stats.doubles(x)).as("the input after the transition").containsExactly(before);
            double[] out = Stats.doubles(y);
            y.addi(1.0);
            assertThat(Stats.doubles(x)).as("the input after writing into the output (the output must be a new "
                    + "array)").containsExactly(before);
            for (double v : out) {
                assertThat(v).as("an output value").isFinite();
            }
        }
    }

    @Test
    public void theSameGeneratorGivesTheSameOutput() {
        INDArray x = inputs(DataType.DOUBLE);
        double[] a = Stats.doubles(transition().apply(x, new Rng(seed())));
        double[] b = Stats.doubles(transition().apply(x, new Rng(seed())));
        assertThat(b).as("outputs from two generators in the same state").containsExactly(a);
        if (stochastic()) {
            double[] c = Stats.doubles(transition().apply(x, new Rng(seed() + 1)));
            assertThat(c).as("output from another seed (a stochastic transition)").isNotEqualTo(a);
        }
    }

    @Test
    public void atZeroStrengthItIsTheIdentity() {
        Transition zero = atZeroStrength();
        Assumptions.assumeTrue(zero != null, "the transition declares no zero strength");
        INDArray x = inputs(DataType.DOUBLE);
        assertThat(Stats.doubles(zero.apply(x, new Rng(seed())))).as("output at zero strength")
                .containsExactly(Stats.doubles(x));
    }
}
