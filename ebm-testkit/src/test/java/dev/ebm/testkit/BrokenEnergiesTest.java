package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The energy contract passes a correct energy and fails each deliberately broken one, loudly. */
class BrokenEnergiesTest {

    /** The contract over energies made by {@code make}. */
    static EnergyContract contract(BiFunction<DataType, Rng, EnergyFunction> make) {
        return new EnergyContract() {
            @Override
            protected EnergyFunction energy(DataType dtype, Rng rng) {
                return make.apply(dtype, rng);
            }

            @Override
            protected long[] sampleShape() {
                return new long[] {2};
            }
        };
    }

    static void fails(Executable check) {
        assertThatThrownBy(check::execute).isInstanceOf(AssertionError.class);
    }

    /** A correct energy passes every check. */
    @Nested
    class Correct extends EnergyContract {
        @Override
        protected EnergyFunction energy(DataType dtype, Rng rng) {
            return new TinyEnergy(2, 5, 1.0, rng, dtype);
        }

        @Override
        protected long[] sampleShape() {
            return new long[] {2};
        }
    }

    /** TinyEnergy with a hook into its forward pass. */
    abstract static class Tweaked implements EnergyFunction {
        final TinyEnergy inner;

        Tweaked(DataType dtype, Rng rng) {
            inner = new TinyEnergy(2, 5, 1.0, rng, dtype);
        }

        @Override
        public ParameterSet parameters() {
            return inner.parameters();
        }
    }

    @Test
    void aGradientInXThatIsHalfTheTruthFails() {
        // E = ½‖x‖² written as ½ x·stop(x): the tape sees half the gradient
        fails(contract((d, r) -> new Tweaked(d, r) {
            @Override
            public Tensor energy(Tensor x, ParameterSet p) {
                return inner.energy(x, p).add(x.mul(x.detach()).sum(false, 1).mul(0.5));
            }
        })::gradientInXMatchesCentralDifferences);
    }

    @Test
    void aParameterReadThroughAStopGradientFails() {
        fails(contract((d, r) -> new Tweaked(d, r) {
            @Override
            public Tensor energy(Tensor x, ParameterSet p) {
                return inner.energy(x, p).add(x.matmul(p.get("w").detach()).sum(false, 1));
            }
        })::gradientInParametersMatchesCentralDifferences);
    }

    @Test
    void aSecondOrderPathThatIsCutFails() {
        // E = E_tiny + ‖x‖²·s(θ) with s's dependence hidden from the gradient of the x-gradient
        fails(contract((d, r) -> new Tweaked(d, r) {
            @Override
            public Tensor energy(Tensor x, ParameterSet p) {
                Tensor s = p.get("v").sum();
                Tensor quad = x.square().sum(false, 1);
                return inner.energy(x, p).add(quad.mul(s.detach())).add(s.sub(s.detach()));
            }
        })::secondOrderGradientsMatchCentralDifferences);
    }

    @Test
    void energiesOfTheWrongShapeFail() {
        fails(contract((d, r) -> new Tweaked(d, r) {
            @Override
            public Tensor energy(Tensor x, ParameterSet p) {
                Tensor e = inner.energy(x, p);
                return e.reshape(e.shape()[0], 1);
            }
        })::energiesAreOnePerSampleInTheInputsDataType);
    }

    /** Energy scaled by a state factor that grows in afterUpdate. */
    static class Stateful extends Tweaked {
        final INDArray factor = Nd4j.ones(DataType.DOUBLE, 1);


        Stateful(DataType dtype, Rng rng) {
            super(dtype, rng);
        }

        @Override
        public Tensor energy(Tensor x, ParameterSet p) {
            return inner.energy(x, p).mul(factor.getDouble(0));
        }

        @Override
        public Map<String, INDArray> state() {
            return Map.of("factor", factor);
        }

        @Override
        public void restore(Map<String, INDArray> state) {
            factor.assign(state.get("factor"));
        }

        @Override
        public void afterUpdate() {
            factor.muli(1.1);
        }
    }

    @Test
    void statefulEnergiesPassAndOnesThatForgetTheirStateOrChangeItWhenEvaluatedFail() {
        EnergyContract good = contract((d, r) -> new Stateful(d, r));
        good.parametersAndStateRoundTripThroughACheckpoint();
        good.theEnergyIsOneFixedFunctionBetweenUpdates();
        fails(contract((d, r) -> new Stateful(d, r) {
            @Override
            public void restore(Map<String, INDArray> state) {}
        })::parametersAndStateRoundTripThroughACheckpoint);
        fails(contract((d, r) -> new Stateful(d, r) {
            @Override
            public Tensor energy(Tensor x, ParameterSet p) {
                factor.muli(1.01);
                return super.energy(x, p);
            }
        })::theEnergyIsOneFixedFunctionBetweenUpdates);
    }
}
